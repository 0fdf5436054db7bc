package dev.tributary.api.sources.ping.v1beta1;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tributary.api.duck.CloudEventOverrides;
import dev.tributary.api.duck.DeliverySpec;
import dev.tributary.api.duck.Destination;
import dev.tributary.api.duck.KReference;
import dev.tributary.api.sources.ping.PingDefaultsConfig;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class PingSourceValidationTest {

  private static final Destination BROKER =
      Destination.ofRef(KReference.of("v1alpha1", "broker", null, "default"));
  private static final PingSourceSpec VALID = PingSourceSpec.of(BROKER, "*/2 * * * *", null);

  /** 5000 bytes, as upstream's v0.22 test. */
  private static final String BIG = "\"" + "a".repeat(4998) + "\"";

  private static String errors(PingSourceSpec spec) {
    return errors(spec, PingDefaultsConfig.DEFAULT);
  }

  private static String errors(PingSourceSpec spec, PingDefaultsConfig config) {
    return PingSourceValidation.validate(PingSource.of("ns", "ping", spec), config).message();
  }

  @ParameterizedTest
  @ValueSource(strings = {"*/2 * * * *", "@every 1m", "@daily", "TZ=UTC 0 9 * * *"})
  void acceptsStandardSchedulesEveryIncluded(String schedule) {
    assertThat(errors(VALID.withSchedule(schedule))).isEmpty();
  }

  @Test
  void acceptsAValidTimezone() {
    assertThat(errors(VALID.withTimezone("Europe/Paris"))).isEmpty();
  }

  @Test
  void reportsAnUnknownTimezoneAtTimezone() {
    assertThat(errors(VALID.withTimezone("Knative/Land")))
        .isEqualTo(
            "invalid value: provided bad location Knative/Land: unknown time zone Knative/Land:"
                + " spec.timezone");
  }

  @Test
  void requiresExactlyFiveFields() {
    assertThat(errors(VALID.withSchedule("2")))
        .isEqualTo("invalid value: expected exactly 5 fields, found 1: [2]: spec.schedule");
    assertThat(errors(VALID.withSchedule("0/5 * * * * *")))
        .isEqualTo(
            "invalid value: expected exactly 5 fields, found 6: [0/5 * * * * *]: spec.schedule");
  }

  @Test
  void requiresASink() {
    assertThat(errors(VALID.withSink(null)))
        .isEqualTo("expected at least one, got none: spec.sink.ref, spec.sink.uri");
  }

  @Test
  void limitsJsonDataSizeButNotItsShape() {
    assertThat(errors(VALID.withJsonData(BIG), new PingDefaultsConfig(4096)))
        .isEqualTo(
            "invalid value: the jsonData length of 5000 bytes exceeds limit set at 4096.:"
                + " spec.jsonData");
    assertThat(errors(VALID.withJsonData(BIG))).isEmpty();
    assertThat(errors(VALID.withJsonData("not json at all"))).isEmpty();
  }

  @Test
  void reportsEveryErrorTogether() {
    assertThat(
            errors(
                PingSourceSpec.EMPTY.withSchedule("2").withJsonData("xyz"),
                new PingDefaultsConfig(1)))
        .isEqualTo(
            "expected at least one, got none: spec.sink.ref, spec.sink.uri\n"
                + "invalid value: expected exactly 5 fields, found 1: [2]: spec.schedule\n"
                + "invalid value: the jsonData length of 3 bytes exceeds limit set at 1.:"
                + " spec.jsonData");
  }

  @Test
  void doesNotValidateCeOverridesAsV1Does() {
    // Upstream's v0.22 v1beta1 validation checked the sink only.
    assertThat(errors(VALID.withCeOverrides(new CloudEventOverrides(Map.of("Invalid_type", "x")))))
        .isEmpty();
  }

  @Test
  void validatesTributarysDelivery() {
    assertThat(
            errors(
                VALID.withDelivery(
                    new DeliverySpec(null, null, null, "sometimes", null, null, null))))
        .isEqualTo("invalid value: sometimes: spec.delivery.backoffPolicy");
  }
}
