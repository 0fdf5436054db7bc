package dev.tributary.api.sources.ping;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tributary.api.duck.CloudEventOverrides;
import dev.tributary.api.duck.DeliverySpec;
import dev.tributary.api.duck.Destination;
import dev.tributary.api.duck.KReference;
import dev.tributary.api.validation.FieldError;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class PingSourceValidationTest {

  private static final Destination BROKER =
      Destination.ofRef(KReference.of("eventing.knative.dev/v1", "Broker", null, "default"));
  private static final PingSourceSpec VALID = PingSourceSpec.of(BROKER, "*/2 * * * *");
  private static final PingDefaultsConfig LIMIT_4096 = new PingDefaultsConfig(4096);

  /** 5000 bytes: a JSON string of 4998 'a's, as upstream's tests use. */
  private static final String BIG = "\"" + "a".repeat(4998) + "\"";

  private static String errors(PingSourceSpec spec) {
    return errors(spec, PingDefaultsConfig.DEFAULT);
  }

  private static String errors(PingSourceSpec spec, PingDefaultsConfig config) {
    return PingSourceValidation.validate(PingSource.of("ns", "ping", spec), config).message();
  }

  private static String base64(String s) {
    return Base64.getEncoder().encodeToString(s.getBytes(StandardCharsets.UTF_8));
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "*/2 * * * *",
        "0/5 * * * * *",
        "10 0/5 * * * ?",
        "@hourly",
        "CRON_TZ=Europe/Paris 0 9 * * mon-fri"
      })
  void acceptsKnativeSchedules(String schedule) {
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
  void reportsCronErrorsAtScheduleWithRobfigsMessage() {
    assertThat(errors(VALID.withSchedule("2")))
        .isEqualTo("invalid value: expected 5 to 6 fields, found 1: [2]: spec.schedule");
    assertThat(errors(VALID.withSchedule("* * * * 7")))
        .isEqualTo("invalid value: end of range (7) above maximum (6): 7: spec.schedule");
    // Not defaulted here: validation sees what it is given.
    assertThat(errors(VALID.withSchedule("")))
        .isEqualTo("invalid value: empty spec string: spec.schedule");
  }

  @Test
  void aTimezoneOnTopOfAScheduleZoneIsADoublePrefix() {
    assertThat(errors(VALID.withSchedule("TZ=UTC * * * * *").withTimezone("UTC")))
        .isEqualTo(
            "invalid value: failed to parse int from TZ=UTC: strconv.Atoi: parsing \"TZ=UTC\":"
                + " invalid syntax: spec.schedule");
  }

  @Test
  void rejectsEveryDescriptor() {
    String message = "invalid value: unsupported descriptor @every: spec.schedule";
    assertThat(errors(VALID.withSchedule("@every 2h"))).isEqualTo(message);
    assertThat(errors(VALID.withSchedule("@every 2h").withTimezone("Europe/Paris")))
        .isEqualTo(message);
  }

  @Test
  void everyInsideAFieldIsReportedTwiceWhenItAlsoFailsToParse() {
    assertThat(errors(VALID.withSchedule("* * * * @every")))
        .isEqualTo(
            "invalid value: failed to parse int from @every: strconv.Atoi: parsing \"@every\":"
                + " invalid syntax: spec.schedule\n"
                + "invalid value: unsupported descriptor @every: spec.schedule");
  }

  @Test
  void requiresASink() {
    assertThat(errors(VALID.withSink(null)))
        .isEqualTo("expected at least one, got none: spec.sink.ref, spec.sink.uri");
  }

  @Test
  void anEmptySpecReportsEveryProblem() {
    PingSource empty = new PingSource();
    assertThat(PingSourceValidation.validate(empty).message())
        .isEqualTo(
            "expected at least one, got none: spec.sink.ref, spec.sink.uri\n"
                + "invalid value: empty spec string: spec.schedule");
  }

  @Test
  void acceptsJsonDataAndBase64Data() {
    assertThat(
            errors(
                VALID.withContentType("application/json").withData("{\"msg\": \"Hello World\"}")))
        .isEmpty();
    assertThat(errors(VALID.withContentType("text/plain").withDataBase64("SGVsbG8gV29ybGQu")))
        .isEmpty();
    assertThat(errors(VALID.withContentType("application/json").withDataBase64(base64("{}"))))
        .isEmpty();
    // Only exactly application/json is checked.
    assertThat(errors(VALID.withContentType("application/json; charset=utf-8").withData("[1]")))
        .isEmpty();
    assertThat(errors(VALID.withData("Invalid JSON"))).isEmpty();
  }

  @Test
  void dataAndDataBase64AreExclusive() {
    assertThat(
            errors(
                VALID
                    .withContentType("text/plain")
                    .withData("Hello world")
                    .withDataBase64("SGVsbG8gV29ybGQu")))
        .isEqualTo("expected exactly one, got both: spec.data, spec.dataBase64");
  }

  @Test
  void reportsBothPayloadFieldsAndABadScheduleTogether() {
    FieldError err =
        PingSourceValidation.validate(
            PingSource.of(
                "ns", "ping", VALID.withSchedule("2").withData("a").withDataBase64("YQ==")));
    assertThat(err.errors())
        .extracting(FieldError.Leaf::paths)
        .containsExactly(
            java.util.List.of("spec.data", "spec.dataBase64"), java.util.List.of("spec.schedule"));
    assertThat(err.message())
        .isEqualTo(
            "expected exactly one, got both: spec.data, spec.dataBase64\n"
                + "invalid value: expected 5 to 6 fields, found 1: [2]: spec.schedule");
  }

  @Test
  void dataBase64MustBeGoBase64() {
    assertThat(
            errors(
                VALID
                    .withContentType("text/plain")
                    .withDataBase64("$$$ invalid base64 string $$$")))
        .isEqualTo("invalid value: illegal base64 data at input byte 0: spec.dataBase64");
  }

  @Test
  void jsonPayloadMustBeAnObject() {
    PingSourceSpec json = VALID.withContentType("application/json");
    assertThat(errors(json.withData("Invalid JSON")))
        .isEqualTo(
            "invalid value: invalid character 'I' looking for beginning of value: spec.data");
    assertThat(errors(json.withDataBase64(base64("Invalid JSON"))))
        .isEqualTo(
            "invalid value: invalid character 'I' looking for beginning of value: spec.dataBase64");
    assertThat(errors(json.withData("[1, 2]")))
        .isEqualTo(
            "invalid value: json: cannot unmarshal array into Go value of type"
                + " map[string]interface {}: spec.data");
    assertThat(errors(json.withData("\"hello\"")))
        .isEqualTo(
            "invalid value: json: cannot unmarshal string into Go value of type"
                + " map[string]interface {}: spec.data");
  }

  @Test
  void sizeLimitAppliesToDataAndToEncodedDataBase64() {
    assertThat(errors(VALID.withContentType("text/plain").withData(BIG), LIMIT_4096))
        .isEqualTo(
            "invalid value: the data length of 5000 bytes exceeds limit set at 4096.: spec.data");
    assertThat(errors(VALID.withContentType("text/plain").withDataBase64(base64(BIG)), LIMIT_4096))
        .isEqualTo(
            "invalid value: the dataBase64 length of 6668 bytes exceeds limit set at 4096.:"
                + " spec.dataBase64");
  }

  @Test
  void noLimitByDefaultOrWhenNegative() {
    assertThat(errors(VALID.withData(BIG))).isEmpty();
    assertThat(errors(VALID.withData(BIG), new PingDefaultsConfig(-1))).isEmpty();
    assertThat(errors(VALID.withData(BIG), new PingDefaultsConfig(-7))).isEmpty();
    assertThat(errors(VALID.withData(BIG), new PingDefaultsConfig(5000))).isEmpty();
    assertThat(errors(VALID.withData("x"), new PingDefaultsConfig(0)))
        .isEqualTo("invalid value: the data length of 1 bytes exceeds limit set at 0.: spec.data");
  }

  @Test
  void sizeIsCountedInUtf8Bytes() {
    assertThat(errors(VALID.withData("ééé"), new PingDefaultsConfig(5)))
        .isEqualTo("invalid value: the data length of 6 bytes exceeds limit set at 5.: spec.data");
  }

  @Test
  void anOversizedInvalidPayloadReportsBoth() {
    assertThat(
            errors(
                VALID.withContentType("application/json").withDataBase64("$$$$"),
                new PingDefaultsConfig(2)))
        .isEqualTo(
            "invalid value: illegal base64 data at input byte 0: spec.dataBase64\n"
                + "invalid value: the dataBase64 length of 4 bytes exceeds limit set at 2.:"
                + " spec.dataBase64");
  }

  @Test
  void validatesCeOverridesAndDelivery() {
    PingSourceSpec spec =
        VALID
            .withTimezone("Europe/Paris")
            .withCeOverrides(new CloudEventOverrides(Map.of("Invalid_type", "any value")));
    assertThat(errors(spec))
        .isEqualTo(
            "invalid key name \"Invalid_type\": spec.ceOverrides.extensions\n"
                + "keys are expected to be alphanumeric");
    DeliverySpec badRetry = new DeliverySpec(null, -1, null, null, null, null, null);
    assertThat(errors(VALID.withDelivery(badRetry)))
        .isEqualTo("invalid value: -1: spec.delivery.retry");
  }
}
