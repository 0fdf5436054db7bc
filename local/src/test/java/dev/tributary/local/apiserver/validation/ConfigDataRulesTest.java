package dev.tributary.local.apiserver.validation;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class ConfigDataRulesTest {

  private static final String KEY_REGEX =
      "a valid config key must consist of alphanumeric characters, '-', '_' or '.' (e.g."
          + " 'key.name',  or 'KEY_NAME',  or 'key-name', regex used for validation is"
          + " '[-._a-zA-Z0-9]+')";

  private final ConfigDataRules rules = new ConfigDataRules();

  static Stream<Arguments> cases() {
    return Stream.of(
        Arguments.of("ConfigMap", "data: {a.b_c-D: x}", List.of()),
        Arguments.of(
            "ConfigMap",
            "data: {'a b': x, '..x': y}\n",
            List.of(
                "data[a b]: Invalid value: \"a b\": " + KEY_REGEX,
                "data[..x]: Invalid value: \"..x\": must not start with '..'")),
        Arguments.of(
            "ConfigMap",
            "data: {k: x}\nbinaryData: {k: eA==}",
            List.of(
                "data[k]: Invalid value: \"k\": duplicate of key present in binaryData",
                "binaryData[k]: Invalid value: \"k\": duplicate of key present in data")),
        Arguments.of(
            "Secret",
            "stringData: {'a/b': x}",
            List.of("data[a/b]: Invalid value: \"a/b\": " + KEY_REGEX)),
        Arguments.of(
            "Secret",
            "type: kubernetes.io/tls\ndata: {tls.crt: eA==}",
            List.of("data[tls.key]: Required value")),
        Arguments.of(
            "Secret",
            "type: kubernetes.io/service-account-token",
            List.of("metadata.annotations[kubernetes.io/service-account.name]: Required value")),
        Arguments.of(
            "Secret",
            "type: kubernetes.io/dockerconfigjson",
            List.of("data[.dockerconfigjson]: Required value")));
  }

  @ParameterizedTest(name = "{0} {index}")
  @MethodSource("cases")
  void reportsUpstreamCauses(String kind, String body, List<String> expected) {
    String yaml = "apiVersion: v1\nkind: " + kind + "\nmetadata: {name: c}\n" + body + "\n";
    assertThat(Fixtures.causes(rules, yaml)).containsExactlyElementsOf(expected);
  }

  @Test
  void tooMuchDataIsTooLong() {
    String yaml =
        "apiVersion: v1\nkind: ConfigMap\nmetadata: {name: c}\ndata: {k: "
            + "x".repeat(ConfigDataRules.MAX_SIZE + 1)
            + "}";
    assertThat(Fixtures.causes(rules, yaml))
        .containsExactly("Too long: must have at most 1048576 bytes");
  }

  @Test
  void immutableObjectsKeepTheirData() {
    var old =
        Fixtures.yaml(
            "apiVersion: v1\nkind: ConfigMap\nmetadata: {name: c}\nimmutable: true\ndata: {k: v}");
    var changed =
        Fixtures.yaml("apiVersion: v1\nkind: ConfigMap\nmetadata: {name: c}\ndata: {k: w}");
    assertThat(Fixtures.causes(rules, changed, old))
        .containsExactly(
            "immutable: Forbidden: field is immutable when `immutable` is set",
            "data: Forbidden: field is immutable when `immutable` is set");
    var relabelled =
        Fixtures.yaml(
            "apiVersion: v1\nkind: ConfigMap\nmetadata: {name: c, labels: {a: b}}\nimmutable: true\ndata: {k: v}");
    assertThat(Fixtures.causes(rules, relabelled, old)).isEmpty();
  }

  @Test
  void secretTypeIsImmutable() {
    var old =
        Fixtures.yaml(
            "apiVersion: v1\nkind: Secret\nmetadata: {name: s}\ndata: {tls.crt: eA==, tls.key: eA==}");
    var retyped =
        Fixtures.yaml(
            "apiVersion: v1\nkind: Secret\nmetadata: {name: s}\ntype: kubernetes.io/tls\ndata: {tls.crt: eA==, tls.key: eA==}");
    assertThat(Fixtures.causes(rules, retyped, old))
        .containsExactly("type: Invalid value: \"kubernetes.io/tls\": field is immutable");
    var explicitDefault =
        Fixtures.yaml(
            "apiVersion: v1\nkind: Secret\nmetadata: {name: s}\ntype: Opaque\ndata: {k: eA==}");
    assertThat(Fixtures.causes(rules, explicitDefault, old)).isEmpty();
  }
}
