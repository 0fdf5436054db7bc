package dev.tributary.api.duck;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class DeliverySpecValidationTest {

  @Test
  void validSpecHasNoErrors() {
    DeliverySpec spec =
        new DeliverySpec(
            Destination.ofUri("http://dls.default.svc"),
            3,
            "PT2S",
            "exponential",
            "PT0.2S",
            null,
            "json");
    assertThat(DeliverySpecValidation.validate(spec).isEmpty()).isTrue();
    assertThat(DeliverySpecValidation.validate(null).isEmpty()).isTrue();
  }

  @Test
  void collectsEveryBadField() {
    DeliverySpec spec =
        new DeliverySpec(
            Destination.ofUri("/relative"), -1, "PT0S", "random", "soon", "PT1S", "xml");
    assertThat(DeliverySpecValidation.validate(spec).viaField("spec", "delivery").message())
        .isEqualTo(
            String.join(
                "\n",
                "invalid value: -1: spec.delivery.retry",
                "invalid value: PT0S: spec.delivery.timeout",
                "invalid value: Relative URI is not allowed when Ref and [apiVersion, kind, name] is"
                    + " absent: spec.delivery.deadLetterSink.uri",
                "invalid value: random: spec.delivery.backoffPolicy",
                "invalid value: soon: spec.delivery.backoffDelay",
                "invalid value: xml: spec.delivery.format",
                "must not set the field(s): spec.delivery.retryAfterMax"));
  }
}
