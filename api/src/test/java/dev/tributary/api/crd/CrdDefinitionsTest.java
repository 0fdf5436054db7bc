package dev.tributary.api.crd;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.StreamSupport;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Compares the CRDs generated from our types (by {@link CrdWriter}, into the jar's {@code crds/})
 * with upstream's config/core/resources/*.yaml (knative/eventing 8cf4c4b): names, scope,
 * categories, labels, versions, status subresource and kubectl columns. The expected values are
 * written out here from upstream's files, column by column.
 */
class CrdDefinitionsTest {
  private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());

  private static final String DQ_READY = ".status.conditions[?(@.type==\"Ready\")]";
  private static final String SQ_READY = ".status.conditions[?(@.type=='Ready')]";

  record Column(String name, String type, String jsonPath) {}

  record Expected(
      String plural,
      String kind,
      List<String> categories,
      Map<String, String> labels,
      boolean eventTypesAnnotation,
      List<Column> columns,
      List<String> olderVersions) {}

  static List<Expected> upstream() {
    Map<String, String> sourceLabels =
        Map.of(
            "eventing.knative.dev/source", "true",
            "duck.knative.dev/source", "true",
            "knative.dev/crd-install", "true");
    Map<String, String> bindingLabels =
        Map.of(
            "eventing.knative.dev/source", "true",
            "duck.knative.dev/source", "true",
            "duck.knative.dev/binding", "true",
            "knative.dev/crd-install", "true");
    Column sink = new Column("Sink", "string", ".status.sinkUri");
    Column age = new Column("Age", "date", ".metadata.creationTimestamp");
    return List.of(
        new Expected(
            "pingsources",
            "PingSource",
            List.of("all", "knative", "sources"),
            sourceLabels,
            true,
            List.of(
                sink,
                new Column("Schedule", "string", ".spec.schedule"),
                age,
                new Column("Ready", "string", SQ_READY + ".status"),
                new Column("Reason", "string", SQ_READY + ".reason")),
            List.of("v1beta2", "v1beta1")),
        new Expected(
            "apiserversources",
            "ApiServerSource",
            List.of("all", "knative", "sources"),
            sourceLabels,
            true,
            List.of(
                sink,
                age,
                new Column("Ready", "string", DQ_READY + ".status"),
                new Column("Reason", "string", DQ_READY + ".reason")),
            List.of("v1beta1")),
        new Expected(
            "containersources",
            "ContainerSource",
            List.of("all", "knative", "sources"),
            sourceLabels,
            false,
            List.of(
                sink,
                age,
                new Column("Ready", "string", DQ_READY + ".status"),
                new Column("Reason", "string", SQ_READY + ".reason")),
            List.of("v1beta1")),
        new Expected(
            "sinkbindings",
            "SinkBinding",
            List.of("all", "knative", "sources", "bindings"),
            bindingLabels,
            false,
            List.of(
                sink,
                age,
                new Column("Ready", "string", SQ_READY + ".status"),
                new Column("Reason", "string", SQ_READY + ".reason")),
            List.of("v1beta1")));
  }

  @ParameterizedTest
  @MethodSource("upstream")
  void matchesUpstream(Expected expected) throws Exception {
    JsonNode crd = read(expected.plural() + ".sources.knative.dev");

    assertThat(crd.at("/metadata/name").asText())
        .isEqualTo(expected.plural() + ".sources.knative.dev");
    expected
        .labels()
        .forEach(
            (k, v) -> assertThat(crd.at("/metadata/labels").path(k).asText()).as(k).isEqualTo(v));
    assertThat(crd.at("/metadata/annotations").has("registry.knative.dev/eventTypes"))
        .isEqualTo(expected.eventTypesAnnotation());
    assertThat(crd.at("/spec/group").asText()).isEqualTo("sources.knative.dev");
    assertThat(crd.at("/spec/scope").asText()).isEqualTo("Namespaced");
    assertThat(crd.at("/spec/names/kind").asText()).isEqualTo(expected.kind());
    assertThat(crd.at("/spec/names/plural").asText()).isEqualTo(expected.plural());
    assertThat(crd.at("/spec/names/singular").asText()).isEqualTo(expected.kind().toLowerCase());
    assertThat(texts(crd.at("/spec/names/categories"))).isEqualTo(expected.categories());
    assertThat(
            crd.at("/spec/names/shortNames").isMissingNode()
                || crd.at("/spec/names/shortNames").isEmpty())
        .as("upstream has no shortNames")
        .isTrue();

    List<JsonNode> versions =
        StreamSupport.stream(crd.at("/spec/versions").spliterator(), false).toList();
    List<String> names = versions.stream().map(v -> v.path("name").asText()).toList();
    List<String> wanted = new ArrayList<>(List.of("v1"));
    wanted.addAll(expected.olderVersions());
    assertThat(names).containsExactlyInAnyOrderElementsOf(wanted);
    for (JsonNode version : versions) {
      String name = version.path("name").asText();
      assertThat(version.path("served").asBoolean()).as(name + " served").isTrue();
      assertThat(version.path("storage").asBoolean())
          .as(name + " storage")
          .isEqualTo(name.equals("v1"));
      assertThat(version.at("/subresources/status").isObject())
          .as(name + " status subresource")
          .isTrue();
      JsonNode schema = version.at("/schema/openAPIV3Schema");
      assertThat(schema.path("type").asText()).as(name + " structural root").isEqualTo("object");
      assertThat(schema.at("/properties/spec/type").asText()).isEqualTo("object");
      assertThat(schema.at("/properties/status/type").asText()).isEqualTo("object");
      assertThat(columns(version)).as(name + " columns").isEqualTo(expected.columns());
    }
  }

  @ParameterizedTest
  @MethodSource("upstream")
  void conditionsHaveOnlyConditionFields(Expected expected) throws Exception {
    JsonNode v1 = version(read(expected.plural() + ".sources.knative.dev"), "v1");
    JsonNode condition =
        v1.at("/schema/openAPIV3Schema/properties/status/properties/conditions/items/properties");
    List<String> fields = new ArrayList<>();
    condition.fieldNames().forEachRemaining(fields::add);
    assertThat(fields)
        .containsExactlyInAnyOrder(
            "type", "status", "severity", "lastTransitionTime", "reason", "message");
  }

  @org.junit.jupiter.api.Test
  void pingSourceV1beta2IsDeprecatedWithUpstreamsWarning() throws Exception {
    JsonNode v1beta2 = version(read("pingsources.sources.knative.dev"), "v1beta2");
    assertThat(v1beta2.path("deprecated").asBoolean()).isTrue();
    assertThat(v1beta2.path("deprecationWarning").asText())
        .isEqualTo(
            "sources.knative.dev/v1beta2 PingSource is deprecated; see"
                + " https://knative.dev/docs/eventing/sources/ping-source/ for instructions to"
                + " migrate to sources.knative.dev/v1 PingSource");
  }

  private static JsonNode read(String name) throws Exception {
    try (InputStream in = CrdDefinitionsTest.class.getResourceAsStream("/crds/" + name + ".yaml")) {
      assertThat(in).as("generated CRD crds/" + name + ".yaml on the classpath").isNotNull();
      return YAML.readTree(in);
    }
  }

  private static JsonNode version(JsonNode crd, String name) {
    for (JsonNode v : crd.at("/spec/versions")) {
      if (v.path("name").asText().equals(name)) {
        return v;
      }
    }
    throw new AssertionError("no version " + name);
  }

  private static List<Column> columns(JsonNode version) {
    List<Column> out = new ArrayList<>();
    for (JsonNode c : version.path("additionalPrinterColumns")) {
      out.add(
          new Column(
              c.path("name").asText(), c.path("type").asText(), c.path("jsonPath").asText()));
    }
    return out;
  }

  private static List<String> texts(JsonNode array) {
    List<String> out = new ArrayList<>();
    array.forEach(n -> out.add(n.asText()));
    return out;
  }
}
