package dev.tributary.api.kmeta;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class ChildNameTest {
  private static final Pattern DNS_1123_SUBDOMAIN =
      Pattern.compile("[a-z0-9]([-a-z0-9]*[a-z0-9])?(\\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*");

  // The cases of knative.dev/pkg's kmeta/names_test.go, with its expected outputs.
  static Stream<Arguments> upstreamCases() {
    return Stream.of(
        Arguments.of("asdf", "-deployment", "asdf-deployment"),
        Arguments.of(
            "f".repeat(63),
            "-deployment",
            "ffffffffffffffffffff105d7597f637e83cc711605ac3ea4957-deployment"),
        Arguments.of(
            "f".repeat(63),
            "-deploy",
            "ffffffffffffffffffffffff105d7597f637e83cc711605ac3ea4957-deploy"),
        Arguments.of(
            "f".repeat(63),
            "f".repeat(63),
            "fffffffffffffffffffffffffffffff0502661254f13c89973cb3a83e0cbec0"),
        Arguments.of(
            "a", "f".repeat(63), "ab5cfd486935decbc0d305799f4ce4414ffffffffffffffffffffffffffffff"),
        Arguments.of(
            "b".repeat(32),
            "f".repeat(32),
            "bbbbbbbbbbbbbbbbbbbbbbbbbbbbbbb329c7c81b9ab3ba71aa139066aa5625d"),
        Arguments.of(
            "aaaa",
            "b---a".repeat(20),
            "aaaa7a3f7966594e3f0849720eced8212c18b---ab---ab---ab---ab---ab"),
        Arguments.of(
            "a".repeat(17),
            "a.-.-.-.-.-.-.aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa",
            "aaaaaaaaaaaaaaaaaa1eb10dc911444f8434af83b7225442da"));
  }

  @ParameterizedTest
  @MethodSource("upstreamCases")
  void matchesKnative(String parent, String suffix, String want) {
    String got = ChildName.of(parent, suffix);

    assertThat(got).isEqualTo(want);
    assertThat(DNS_1123_SUBDOMAIN.matcher(got).matches()).as("valid DNS-1123 subdomain").isTrue();
  }

  @ParameterizedTest
  @MethodSource("upstreamCases")
  void neverLongerThan63(String parent, String suffix, String ignored) {
    assertThat(ChildName.of(parent, suffix).length()).isLessThanOrEqualTo(63);
  }

  @Test
  void exactly63IsKeptWhole() {
    String parent = "p".repeat(52);

    assertThat(ChildName.of(parent, "-deployment")).isEqualTo(parent + "-deployment");
    assertThat(ChildName.of(parent + "p", "-deployment")).isNotEqualTo(parent + "p-deployment");
  }
}
