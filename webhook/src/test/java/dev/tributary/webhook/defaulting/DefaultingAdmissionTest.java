package dev.tributary.webhook.defaulting;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tributary.webhook.AdmissionRequests;
import dev.tributary.webhook.SourceJson;
import io.fabric8.kubernetes.api.model.admission.v1.AdmissionResponse;
import io.fabric8.zjsonpatch.JsonPatch;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;
import tools.jackson.databind.json.JsonMapper;

class DefaultingAdmissionTest {
  private static final ObjectMapper MAPPER = JsonMapper.builder().build();
  private final DefaultingAdmission defaulting = new DefaultingAdmission(new SourceJson());

  private static final String PING =
      """
      {"apiVersion":"sources.knative.dev/%s","kind":"PingSource",
       "metadata":{"name":"x","namespace":"ns"},
       "spec":{"data":"hi","sink":{"ref":{"apiVersion":"v1","kind":"Service","name":"s"}}}}
      """;

  @Test
  void defaultsAnEmptyPingSourceScheduleAndRecordsTheCreator() {
    for (String version : new String[] {"v1", "v1beta2"}) {
      String object = PING.formatted(version);
      AdmissionResponse response =
          defaulting.admit(AdmissionRequests.create(version, "PingSource", object));

      assertThat(response.getAllowed()).isTrue();
      assertThat(response.getPatchType()).isEqualTo("JSONPatch");
      JsonNode result = apply(object, response);
      assertThat(result.at("/spec/schedule").asString()).isEqualTo("* * * * *");
      assertThat(result.at("/spec/data").asString()).isEqualTo("hi");
      assertThat(result.at("/metadata/annotations").toString())
          .isEqualTo(
              "{\"sources.knative.dev/creator\":\"alice\",\"sources.knative.dev/lastModifier\":\"alice\"}");
      // The sink ref's namespace is not defaulted for PingSource, as upstream.
      assertThat(result.at("/spec/sink/ref/namespace").isMissingNode()).isTrue();
    }
  }

  @Test
  void defaultsApiServerSourceModeServiceAccountAndSinkNamespace() {
    String object =
        """
        {"apiVersion":"sources.knative.dev/v1","kind":"ApiServerSource",
         "metadata":{"name":"x","namespace":"ns"},
         "spec":{"resources":[{"apiVersion":"v1","kind":"Event"}],
                 "sink":{"ref":{"apiVersion":"v1","kind":"Service","name":"s"}}}}
        """;
    JsonNode result =
        apply(object, defaulting.admit(AdmissionRequests.create("v1", "ApiServerSource", object)));

    assertThat(result.at("/spec/mode").asString()).isEqualTo("Reference");
    assertThat(result.at("/spec/serviceAccountName").asString()).isEqualTo("default");
    assertThat(result.at("/spec/sink/ref/namespace").asString()).isEqualTo("ns");
  }

  @Test
  void namesUnnamedContainersOfAContainerSourceWithoutDroppingUnknownFields() {
    String object =
        """
        {"apiVersion":"sources.knative.dev/v1","kind":"ContainerSource",
         "metadata":{"name":"x","namespace":"ns"},
         "spec":{"template":{"spec":{"containers":[{"image":"heartbeats","args":["--period=1"],"somethingNew":{"kept":true}}]}},
                 "sink":{"uri":"http://example.com"}}}
        """;
    AdmissionResponse response =
        defaulting.admit(AdmissionRequests.create("v1", "ContainerSource", object));
    JsonNode result = apply(object, response);

    assertThat(result.at("/spec/template/spec/containers/0/name").asString()).isEqualTo("x-0");
    assertThat(result.at("/spec/template/spec/containers/0/args/0").asString())
        .isEqualTo("--period=1");
    assertThat(result.at("/spec/template/spec/containers/0/somethingNew/kept").asBoolean())
        .isTrue();
    assertThat(patch(response).toString()).doesNotContain("\"remove\"");
  }

  @Test
  void refusesAnObjectThatDoesNotDecode() {
    String object =
        """
        {"apiVersion":"sources.knative.dev/v1","kind":"PingSource",
         "metadata":{"name":"x","namespace":"ns"},"spec":{"sink":{"uri":"http://a"},"schedule":{"bogus":1}}}
        """;
    AdmissionResponse response =
        defaulting.admit(AdmissionRequests.create("v1", "PingSource", object));
    assertThat(response.getAllowed()).isFalse();
    assertThat(response.getStatus().getCode()).isEqualTo(400);
    assertThat(response.getStatus().getMessage())
        .startsWith("mutation failed: cannot decode incoming new object: ")
        .contains("schedule")
        .doesNotContain("\n");
  }

  @Test
  void defaultsSinkBindingNamespacesWithoutUserAnnotations() {
    String object =
        """
        {"apiVersion":"sources.knative.dev/v1","kind":"SinkBinding",
         "metadata":{"name":"x","namespace":"ns"},
         "spec":{"subject":{"apiVersion":"batch/v1","kind":"Job","selector":{"matchLabels":{"app":"a"}}},
                 "sink":{"ref":{"apiVersion":"v1","kind":"Service","name":"s"}}}}
        """;
    JsonNode result =
        apply(object, defaulting.admit(AdmissionRequests.create("v1", "SinkBinding", object)));

    assertThat(result.at("/spec/subject/namespace").asString()).isEqualTo("ns");
    assertThat(result.at("/spec/sink/ref/namespace").asString()).isEqualTo("ns");
    assertThat(result.at("/metadata/annotations").isMissingNode()).isTrue();
  }

  @Test
  void sendsNoPatchWhenNothingChanges() {
    String object =
        """
        {"apiVersion":"sources.knative.dev/v1","kind":"SinkBinding",
         "metadata":{"name":"x","namespace":"ns"},
         "spec":{"subject":{"apiVersion":"batch/v1","kind":"Job","namespace":"ns","name":"j"},
                 "sink":{"uri":"http://example.com"}}}
        """;
    AdmissionResponse response =
        defaulting.admit(AdmissionRequests.create("v1", "SinkBinding", object));

    assertThat(response.getAllowed()).isTrue();
    assertThat(response.getPatch()).isNull();
    assertThat(response.getPatchType()).isNull();
  }

  @Test
  void anUpdateRecordsTheModifierOnlyWhenTheSpecChanges() {
    String old =
        """
        {"apiVersion":"sources.knative.dev/v1","kind":"PingSource",
         "metadata":{"name":"x","namespace":"ns","annotations":{"sources.knative.dev/creator":"bob","sources.knative.dev/lastModifier":"bob"}},
         "spec":{"schedule":"* * * * *","sink":{"uri":"http://example.com"}}}
        """;
    String sameSpecNewLabel =
        old.replace("\"namespace\":\"ns\",", "\"namespace\":\"ns\",\"labels\":{\"a\":\"b\"},");
    AdmissionResponse unchanged =
        defaulting.admit(AdmissionRequests.of("UPDATE", "v1", "PingSource", sameSpecNewLabel, old));
    assertThat(unchanged.getPatch()).isNull();

    String newSchedule = old.replace("\"* * * * *\"", "\"*/5 * * * *\"");
    JsonNode result =
        apply(
            newSchedule,
            defaulting.admit(AdmissionRequests.of("UPDATE", "v1", "PingSource", newSchedule, old)));
    assertThat(result.at("/metadata/annotations/sources.knative.dev~1lastModifier").asString())
        .isEqualTo("alice");
    assertThat(result.at("/metadata/annotations/sources.knative.dev~1creator").asString())
        .isEqualTo("bob");
  }

  @Test
  void otherOperationsPassUntouched() {
    AdmissionResponse response =
        defaulting.admit(
            AdmissionRequests.of("DELETE", "v1", "PingSource", null, PING.formatted("v1")));
    assertThat(response.getAllowed()).isTrue();
    assertThat(response.getPatch()).isNull();
  }

  @Test
  void refusesKindsItDoesNotServe() {
    AdmissionResponse response =
        defaulting.admit(AdmissionRequests.create("v1", "Broker", "{\"kind\":\"Broker\"}"));
    assertThat(response.getAllowed()).isFalse();
    assertThat(response.getStatus().getCode()).isEqualTo(400);
    assertThat(response.getStatus().getMessage())
        .isEqualTo("mutation failed: unhandled kind: sources.knative.dev/v1, Kind=Broker");
  }

  private static JsonNode patch(AdmissionResponse response) {
    return MAPPER.readTree(
        new String(Base64.getDecoder().decode(response.getPatch()), StandardCharsets.UTF_8));
  }

  private static JsonNode apply(String object, AdmissionResponse response) {
    assertThat(response.getAllowed()).as("%s", response.getStatus()).isTrue();
    assertThat(response.getPatch()).isNotNull();
    return JsonPatch.apply(patch(response), MAPPER.readTree(object));
  }
}
