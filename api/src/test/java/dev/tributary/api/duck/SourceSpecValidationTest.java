package dev.tributary.api.duck;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.junit.jupiter.api.Test;

class SourceSpecValidationTest {
  record Spec(Destination sink, CloudEventOverrides ceOverrides, DeliverySpec delivery)
      implements SourceSpec {}

  @Test
  void missingSinkIsReportedUnderSink() {
    assertThat(SourceSpecValidation.validate(new Spec(null, null, null)).viaField("spec").message())
        .isEqualTo("expected at least one, got none: spec.sink.ref, spec.sink.uri");
  }

  @Test
  void overrideKeysMustBeAlphanumeric() {
    Spec spec =
        new Spec(
            Destination.ofUri("http://x"), new CloudEventOverrides(Map.of("bad-key", "v")), null);
    assertThat(SourceSpecValidation.validate(spec).viaField("spec").message())
        .isEqualTo(
            "invalid key name \"bad-key\": spec.ceOverrides.extensions\n"
                + "keys are expected to be alphanumeric");
    Spec upper =
        new Spec(
            Destination.ofUri("http://x"), new CloudEventOverrides(Map.of("Hello", "v")), null);
    assertThat(SourceSpecValidation.validate(upper).isEmpty()).isTrue();
  }

  @Test
  void emptyOverrideKey() {
    assertThat(
            SourceSpecValidation.validateOverrides(new CloudEventOverrides(Map.of("", "v")))
                .message())
        .isEqualTo("invalid key name \"\": extensions\nkeys MUST NOT be empty");
  }
}
