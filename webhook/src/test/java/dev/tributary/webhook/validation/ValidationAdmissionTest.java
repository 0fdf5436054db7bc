package dev.tributary.webhook.validation;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tributary.api.sources.ping.PingDefaultsConfig;
import dev.tributary.webhook.AdmissionRequests;
import dev.tributary.webhook.SourceJson;
import io.fabric8.kubernetes.api.model.StatusCause;
import io.fabric8.kubernetes.api.model.admission.v1.AdmissionResponse;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;

class ValidationAdmissionTest {
  private final AtomicReference<PingDefaultsConfig> limits =
      new AtomicReference<>(PingDefaultsConfig.DEFAULT);
  private final ValidationAdmission validation =
      new ValidationAdmission(new SourceJson(), limits::get);

  @Test
  void deniesAPingSourceWithEveryFieldErrorAndItsPath() {
    String object =
        """
        {"apiVersion":"sources.knative.dev/v1","kind":"PingSource",
         "metadata":{"name":"x","namespace":"ns"},
         "spec":{"schedule":"* * *","data":"a","dataBase64":"YQ=="}}
        """;
    AdmissionResponse response =
        validation.admit(AdmissionRequests.create("v1", "PingSource", object));

    assertThat(response.getAllowed()).isFalse();
    assertThat(response.getStatus().getCode()).isEqualTo(400);
    assertThat(response.getStatus().getReason()).isEqualTo("BadRequest");
    assertThat(response.getStatus().getMessage())
        .isEqualTo(
            "validation failed: expected at least one, got none: spec.sink.ref, spec.sink.uri\n"
                + "expected exactly one, got both: spec.data, spec.dataBase64\n"
                + "invalid value: expected 5 to 6 fields, found 3: [* * *]: spec.schedule");
    assertThat(response.getStatus().getDetails().getKind()).isEqualTo("PingSource");
    assertThat(response.getStatus().getDetails().getGroup()).isEqualTo("sources.knative.dev");
    assertThat(response.getStatus().getDetails().getCauses())
        .extracting(StatusCause::getField, StatusCause::getReason)
        .containsExactly(
            org.assertj.core.groups.Tuple.tuple("spec.sink.ref", "FieldValueInvalid"),
            org.assertj.core.groups.Tuple.tuple("spec.sink.uri", "FieldValueInvalid"),
            org.assertj.core.groups.Tuple.tuple("spec.data", "FieldValueInvalid"),
            org.assertj.core.groups.Tuple.tuple("spec.dataBase64", "FieldValueInvalid"),
            org.assertj.core.groups.Tuple.tuple("spec.schedule", "FieldValueInvalid"));
  }

  @Test
  void deniesAnUnknownApiServerSourceModeAsUpstreamWordsIt() {
    String object =
        """
        {"apiVersion":"sources.knative.dev/v1","kind":"ApiServerSource",
         "metadata":{"name":"x","namespace":"ns"},
         "spec":{"mode":"Unknown","serviceAccountName":"default",
                 "resources":[{"apiVersion":"v1","kind":"Event"}],
                 "sink":{"uri":"http://example.com"}}}
        """;
    AdmissionResponse response =
        validation.admit(AdmissionRequests.create("v1", "ApiServerSource", object));

    assertThat(response.getAllowed()).isFalse();
    assertThat(response.getStatus().getMessage())
        .isEqualTo("validation failed: invalid value: Unknown: spec.mode");
  }

  @Test
  void allowsAValidSourceOnCreateAndUpdateAndAnyDelete() {
    String object =
        """
        {"apiVersion":"sources.knative.dev/v1","kind":"PingSource",
         "metadata":{"name":"x","namespace":"ns"},
         "spec":{"schedule":"*/1 * * * * *","data":"{}","contentType":"application/json",
                 "sink":{"uri":"http://example.com"}}}
        """;
    assertThat(validation.admit(AdmissionRequests.create("v1", "PingSource", object)).getAllowed())
        .isTrue();
    assertThat(
            validation
                .admit(AdmissionRequests.of("UPDATE", "v1", "PingSource", object, object))
                .getAllowed())
        .isTrue();
    String invalid = object.replace("*/1 * * * * *", "@every 1m");
    assertThat(
            validation
                .admit(AdmissionRequests.of("DELETE", "v1", "PingSource", null, invalid))
                .getAllowed())
        .isTrue();
  }

  @Test
  void appliesTheCurrentPingPayloadLimit() {
    String object =
        """
        {"apiVersion":"sources.knative.dev/v1beta2","kind":"PingSource",
         "metadata":{"name":"x","namespace":"ns"},
         "spec":{"schedule":"* * * * *","data":"0123456789","sink":{"uri":"http://example.com"}}}
        """;
    assertThat(
            validation
                .admit(AdmissionRequests.create("v1beta2", "PingSource", object))
                .getAllowed())
        .isTrue();

    limits.set(new PingDefaultsConfig(4));
    AdmissionResponse response =
        validation.admit(AdmissionRequests.create("v1beta2", "PingSource", object));
    assertThat(response.getAllowed()).isFalse();
    assertThat(response.getStatus().getMessage())
        .isEqualTo(
            "validation failed: invalid value: the data length of 10 bytes exceeds limit set at"
                + " 4.: spec.data");
  }

  @Test
  void validatesV1beta1WithItsOwnRulesAndOtherV1beta1KindsThroughV1() {
    String ping =
        """
        {"apiVersion":"sources.knative.dev/v1beta1","kind":"PingSource",
         "metadata":{"name":"x","namespace":"ns"},
         "spec":{"schedule":"@every 1m","jsonData":"{}","sink":{"uri":"http://example.com"}}}
        """;
    assertThat(
            validation.admit(AdmissionRequests.create("v1beta1", "PingSource", ping)).getAllowed())
        .as("@every is allowed in v1beta1")
        .isTrue();

    String container =
        """
        {"apiVersion":"sources.knative.dev/v1beta1","kind":"ContainerSource",
         "metadata":{"name":"x","namespace":"ns"},
         "spec":{"template":{"spec":{"containers":[{"name":"c"}]}},"sink":{"uri":"http://example.com"}}}
        """;
    AdmissionResponse response =
        validation.admit(AdmissionRequests.create("v1beta1", "ContainerSource", container));
    assertThat(response.getAllowed()).isFalse();
    assertThat(response.getStatus().getMessage())
        .isEqualTo("validation failed: missing field(s): spec.containers[0].image");
  }

  @Test
  void namesMissingFieldsAsRequiredCauses() {
    String binding =
        """
        {"apiVersion":"sources.knative.dev/v1","kind":"SinkBinding",
         "metadata":{"name":"x","namespace":"ns"},
         "spec":{"subject":{"apiVersion":"batch/v1","namespace":"ns","name":"j"},
                 "sink":{"uri":"http://example.com"}}}
        """;
    AdmissionResponse response =
        validation.admit(AdmissionRequests.create("v1", "SinkBinding", binding));
    assertThat(response.getAllowed()).isFalse();
    assertThat(response.getStatus().getDetails().getCauses())
        .extracting(StatusCause::getField, StatusCause::getReason)
        .containsExactly(
            org.assertj.core.groups.Tuple.tuple("spec.subject.kind", "FieldValueRequired"));
  }
}
