package dev.tributary.local.apiserver.schema;

import static dev.tributary.local.apiserver.schema.TestJson.obj;
import static dev.tributary.local.apiserver.schema.TestJson.versionSchema;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The whole write path against the CRDs the api module generates for the Knative sources. */
class KnativeCrdSchemaTest {

  private final CustomResourceSchema pingSource =
      CustomResourceSchema.of(versionSchema("pingsources", "v1"));
  private final CustomResourceSchema apiServerSource =
      CustomResourceSchema.of(versionSchema("apiserversources", "v1"));

  private static ObjectNode ping(String spec) {
    return obj(
        """
        {'apiVersion': 'sources.knative.dev/v1', 'kind': 'PingSource',
         'metadata': {'name': 'p1', 'namespace': 'default', 'labels': {'a': 'b'}},
         'spec': %s}
        """
            .formatted(spec));
  }

  @Test
  void aValidPingSourceKeepsEveryFieldAndHasNoErrors() {
    ObjectNode body =
        ping(
            """
            {'schedule': '*/1 * * * *', 'contentType': 'application/json', 'data': '{"m":1}',
             'sink': {'ref': {'apiVersion': 'v1', 'kind': 'Service', 'name': 'event-display'}},
             'delivery': {'retry': 3, 'backoffDelay': 'PT1S'},
             'ceOverrides': {'extensions': {'extra': 'x'}}}
            """);

    PruneResult decoded = pingSource.decode(body);

    assertThat(decoded.object()).isEqualTo(body);
    assertThat(decoded.unknownFields()).isEmpty();
    assertThat(pingSource.validate(decoded.object())).isEmpty();
  }

  @Test
  void unknownPingSourceFieldsArePrunedAtEveryLevelAndReported() {
    ObjectNode body =
        ping(
            """
            {'schedule': '* * * * *', 'bogus': 1,
             'sink': {'ref': {'kind': 'Service', 'name': 'x', 'colour': 'red'}}}
            """);
    body.put("topLevel", true);

    PruneResult decoded = pingSource.decode(body);

    assertThat(decoded.unknownFields())
        .containsExactly("spec.bogus", "spec.sink.ref.colour", "topLevel");
    assertThat(decoded.object().path("spec").has("bogus")).isFalse();
    assertThat(decoded.object().path("spec").path("sink").path("ref"))
        .isEqualTo(obj("{'kind': 'Service', 'name': 'x'}"));
    assertThat(decoded.object().has("topLevel")).isFalse();
    // apiVersion, kind and metadata are not in the schema but are never pruned
    assertThat(decoded.object().path("metadata").path("labels").path("a").asText()).isEqualTo("b");
    assertThat(decoded.object().path("kind").asText()).isEqualTo("PingSource");
    // the request body itself is untouched
    assertThat(body.path("spec").has("bogus")).isTrue();
  }

  @Test
  void apiServerSourceKeepsUnknownSpecFieldsBecauseItsSpecPreservesThem() {
    ObjectNode body =
        obj(
            """
            {'apiVersion': 'sources.knative.dev/v1', 'kind': 'ApiServerSource',
             'metadata': {'name': 'a1'},
             'spec': {'mode': 'Reference', 'serviceAccountName': 'events-sa', 'futureField': {'x': 1},
                      'resources': [{'apiVersion': 'v1', 'kind': 'Event', 'extra': 'gone'}],
                      'sink': {'ref': {'kind': 'Service', 'name': 's', 'extra': 'gone'}}},
             'status': {'sinkUri': 'http://s', 'extra': 'gone'}}
            """);

    PruneResult decoded = apiServerSource.decode(body);

    JsonNode spec = decoded.object().path("spec");
    assertThat(spec.path("futureField")).isEqualTo(obj("{'x': 1}"));
    // declared fields under the preserving spec are still pruned by their own schemas
    assertThat(spec.path("resources").get(0).has("extra")).isFalse();
    assertThat(spec.path("sink").path("ref").has("extra")).isFalse();
    assertThat(decoded.object().path("status").has("extra")).isFalse();
    assertThat(decoded.unknownFields())
        .containsExactly("spec.resources[0].extra", "spec.sink.ref.extra", "status.extra");
    assertThat(apiServerSource.validate(decoded.object())).isEmpty();
  }

  @Test
  void aWrongTypeIsRejectedWithKubernetesPathAndMessage() {
    ObjectNode decoded = pingSource.decode(ping("{'schedule': 5}")).object();

    List<FieldCause> causes = pingSource.validate(decoded);

    assertThat(causes)
        .containsExactly(
            new FieldCause(
                "spec.schedule",
                "FieldValueTypeInvalid",
                "Invalid value: \"integer\": spec.schedule in body must be of type string:"
                    + " \"integer\""));
    assertThat(InvalidStatus.message("PingSource", "sources.knative.dev", "p1", causes))
        .isEqualTo(
            "PingSource.sources.knative.dev \"p1\" is invalid: spec.schedule: Invalid value:"
                + " \"integer\": spec.schedule in body must be of type string: \"integer\"");
  }

  @Test
  void listItemErrorsNameTheIndexAndEveryErrorIsReported() {
    ObjectNode body =
        obj(
            """
            {'apiVersion': 'sources.knative.dev/v1', 'kind': 'ApiServerSource',
             'metadata': {'name': 'a1'},
             'spec': {'resources': [{'apiVersion': 'v1', 'kind': 'Event'}, {'apiVersion': 1}],
                      'delivery': {'retry': 'three'}, 'mode': true}}
            """);

    List<String> errors =
        apiServerSource.validate(apiServerSource.decode(body).object()).stream()
            .map(FieldCause::error)
            .toList();

    assertThat(errors)
        .containsExactlyInAnyOrder(
            "spec.resources[1].apiVersion: Invalid value: \"integer\": spec.resources[1].apiVersion"
                + " in body must be of type string: \"integer\"",
            "spec.delivery.retry: Invalid value: \"string\": spec.delivery.retry in body must be of"
                + " type integer: \"string\"",
            "spec.mode: Invalid value: \"boolean\": spec.mode in body must be of type string:"
                + " \"boolean\"");
  }

  @Test
  void anIntegralFloatIsAnIntegerButAFractionIsNot() {
    assertThat(pingSource.validate(ping("{'delivery': {'retry': 3.0}}"))).isEmpty();
    assertThat(pingSource.validate(ping("{'delivery': {'retry': 3.5}}")))
        .extracting(FieldCause::error)
        .containsExactly(
            "spec.delivery.retry: Invalid value: \"number\": spec.delivery.retry in body must be of"
                + " type integer: \"number\"");
  }

  @Test
  void nullsOfNonNullableFieldsAreDroppedBeforeValidation() {
    PruneResult decoded = pingSource.decode(ping("{'schedule': null, 'sink': {'uri': null}}"));

    assertThat(decoded.object().path("spec")).isEqualTo(obj("{'sink': {}}"));
    assertThat(pingSource.validate(decoded.object())).isEmpty();
  }

  /**
   * The generated CRDs declare no required fields, enums or defaults (Knative validates and
   * defaults in its webhook), so these are added to the real PingSource schema here, the way a CRD
   * author could.
   */
  @Test
  void requiredEnumAndDefaultsOnThePingSourceSchema() {
    ObjectNode schema = versionSchema("pingsources", "v1").deepCopy();
    ObjectNode spec = (ObjectNode) schema.path("properties").path("spec");
    spec.putArray("required").add("schedule").add("sink");
    ObjectNode specProps = (ObjectNode) spec.path("properties");
    ((ObjectNode) specProps.path("contentType")).put("default", "application/json");
    ((ObjectNode) specProps.path("timezone")).put("default", "UTC");
    ObjectNode delivery = (ObjectNode) specProps.path("delivery");
    ((ObjectNode) delivery.path("properties").path("backoffPolicy"))
        .putArray("enum")
        .add("linear")
        .add("exponential");
    ((ObjectNode) delivery.path("properties").path("retry")).put("minimum", 0);
    CustomResourceSchema crd = CustomResourceSchema.of(schema);

    ObjectNode decoded =
        crd.decode(ping("{'data': 'x', 'delivery': {'backoffPolicy': 'random', 'retry': -1}}"))
            .object();

    assertThat(decoded.path("spec").path("contentType").asText()).isEqualTo("application/json");
    assertThat(decoded.path("spec").path("timezone").asText()).isEqualTo("UTC");
    List<FieldCause> causes = crd.validate(decoded);
    assertThat(causes)
        .extracting(FieldCause::error)
        .containsExactly(
            "spec.delivery.backoffPolicy: Unsupported value: \"random\": supported values:"
                + " \"linear\", \"exponential\"",
            "spec.delivery.retry: Invalid value: -1: spec.delivery.retry in body should be greater"
                + " than or equal to 0",
            "spec.schedule: Required value",
            "spec.sink: Required value");
    assertThat(causes.get(2).reason()).isEqualTo("FieldValueRequired");
    assertThat(causes.get(0).reason()).isEqualTo("FieldValueNotSupported");
    assertThat(InvalidStatus.message("PingSource", "sources.knative.dev", "p1", causes))
        .startsWith(
            "PingSource.sources.knative.dev \"p1\" is invalid: [spec.delivery.backoffPolicy: ")
        .endsWith(", spec.schedule: Required value, spec.sink: Required value]");
  }

  @Test
  void statusWritesAreValidatedUnderStatus() {
    ObjectNode object = ping("{'schedule': '* * * * *'}");
    object.set(
        "status",
        obj("{'observedGeneration': 'one', 'conditions': [{'type': 'Ready', 'status': true}]}"));

    assertThat(pingSource.validateStatus(object))
        .extracting(FieldCause::error)
        .containsExactlyInAnyOrder(
            "status.observedGeneration: Invalid value: \"string\": observedGeneration in body must"
                + " be of type integer: \"string\"",
            "status.conditions[0].status: Invalid value: \"boolean\": conditions[0].status in body"
                + " must be of type string: \"boolean\"");
  }

  @Test
  void everyGeneratedCrdSchemaIsStructural() {
    for (String plural :
        List.of("pingsources", "apiserversources", "containersources", "sinkbindings")) {
      JsonNode versions = TestJson.crd(plural).path("spec").path("versions");
      assertThat(versions).isNotEmpty();
      for (int i = 0; i < versions.size(); i++) {
        String path = "spec.versions[" + i + "].schema.openAPIV3Schema";
        assertThat(
                StructuralSchemaCheck.check(
                    versions.get(i).path("schema").path("openAPIV3Schema"), path))
            .as(plural + " " + path)
            .isEmpty();
      }
    }
  }
}
