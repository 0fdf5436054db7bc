package dev.tributary.adapters.heartbeats;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.tributary.runtime.Env;
import dev.tributary.runtime.GoFlagSet;
import java.net.URI;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class HeartbeatsConfigTest {

  private static final Map<String, String> POD =
      Map.of("POD_NAME", "mypod", "POD_NAMESPACE", "event-test", "K_SINK", "http://sink:8080");

  @Test
  void readsTheWalkthroughsContainerSource() {
    HeartbeatsConfig config = read(POD, "--period=1");

    assertThat(config.sink()).isEqualTo(URI.create("http://sink:8080"));
    assertThat(config.period()).isEqualTo(Duration.ofSeconds(1));
    assertThat(config.eventSource())
        .isEqualTo(
            URI.create("https://knative.dev/eventing-contrib/cmd/heartbeats/#event-test/mypod"));
    assertThat(config.defaultSource()).isTrue();
    assertThat(config.eventType()).isEqualTo("dev.knative.eventing.samples.heartbeat");
    assertThat(config.label()).isEmpty();
    assertThat(config.msg()).isEmpty();
    assertThat(config.oneShot()).isFalse();
    assertThat(config.overrides().extensions()).isEmpty();
  }

  @Test
  void readsEveryFlag() {
    HeartbeatsConfig config =
        read(
            Map.of("POD_NAME", "p", "POD_NAMESPACE", "n", "ONE_SHOT", "true"),
            "-sink",
            "http://flag-sink",
            "-eventSource=urn:mine",
            "--eventType",
            "my.type",
            "-label=\"a\\tb\"",
            "-msg=hi",
            "-period=500ms",
            "-cacerts=PEM");

    assertThat(config.sink()).isEqualTo(URI.create("http://flag-sink"));
    assertThat(config.eventSource()).isEqualTo(URI.create("urn:mine"));
    assertThat(config.defaultSource()).isFalse();
    assertThat(config.eventType()).isEqualTo("my.type");
    assertThat(config.label()).isEqualTo("a\tb");
    assertThat(config.msg()).isEqualTo("hi");
    assertThat(config.period()).isEqualTo(Duration.ofMillis(500));
    assertThat(config.caCerts()).isEqualTo("PEM");
    assertThat(config.oneShot()).isTrue();
  }

  @Test
  void aNonEmptyKSinkOverridesTheFlag() {
    assertThat(read(POD, "--sink=http://flag").sink()).isEqualTo(URI.create("http://sink:8080"));

    Map<String, String> emptySink = new HashMap<>(POD);
    emptySink.put("K_SINK", "");
    assertThat(read(emptySink, "--sink=http://flag").sink()).isEqualTo(URI.create("http://flag"));
  }

  @Test
  void readsCeOverrides() {
    Map<String, String> env = new HashMap<>(POD);
    env.put("K_CE_OVERRIDES", "{\"extensions\":{\"hello\":\"world\"}}");

    assertThat(read(env).overrides().extensions()).containsExactly(Map.entry("hello", "world"));
  }

  @ParameterizedTest
  @CsvSource({"'', 5000", "1, 1000", "1s, 1000", "250ms, 250", "1m, 60000", "-2, -2000"})
  void readsThePeriodAsAGoDurationElseAsSeconds(String text, long millis) {
    assertThat(HeartbeatsConfig.period(text)).isEqualTo(Duration.ofMillis(millis));
  }

  @Test
  void anInvalidLabelLiteralBecomesEmptyAsUpstreamIgnoresTheError() {
    assertThat(read(POD, "--label=\"unterminated").label()).isEmpty();
    assertThat(read(POD, "--label=plain \"text\"").label()).isEqualTo("plain \"text\"");
  }

  @Test
  void refusesWhatUpstreamRefusesInUpstreamsOrder() {
    assertInvalid(
        Map.of(),
        List.of(),
        "[ERROR] Failed to process env var: required key POD_NAME missing value",
        1);
    assertInvalid(
        Map.of("POD_NAME", "p"),
        List.of(),
        "[ERROR] Failed to process env var: required key POD_NAMESPACE missing value",
        1);
    assertInvalid(
        Map.of("POD_NAME", "p", "POD_NAMESPACE", "n", "ONE_SHOT", "yes"),
        List.of(),
        "[ERROR] Failed to process env var: assigning ONE_SHOT: converting 'yes' to type bool."
            + " details: strconv.ParseBool: parsing \"yes\": invalid syntax",
        1);
    assertInvalid(
        Map.of("POD_NAME", "p", "POD_NAMESPACE", "n", "K_CE_OVERRIDES", "{nope"),
        List.of(),
        "[ERROR] Unparsable CloudEvents overrides {nope: ",
        1);
    assertInvalid(
        Map.of("POD_NAME", "p", "POD_NAMESPACE", "n"),
        List.of("--period=x"),
        "failed to create client: http target option was empty string",
        1);
    assertInvalid(POD, List.of("--period=x"), "Invalid period interval provided: \"x\"", 1);
  }

  private static void assertInvalid(
      Map<String, String> env, List<String> args, String messageStart, int exitCode) {
    assertThatThrownBy(() -> read(env, args.toArray(String[]::new)))
        .isInstanceOfSatisfying(
            HeartbeatsConfig.Invalid.class,
            e -> {
              assertThat(e.getMessage()).startsWith(messageStart);
              assertThat(e.exitCode()).isEqualTo(exitCode);
            });
  }

  private static HeartbeatsConfig read(Map<String, String> env, String... args) {
    GoFlagSet.Parsed flags = (GoFlagSet.Parsed) HeartbeatsFlags.FLAGS.parse(List.of(args));
    return HeartbeatsConfig.read(flags, Env.of(env));
  }
}
