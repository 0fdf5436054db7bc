package dev.tributary.local.apiserver.table;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import org.junit.jupiter.api.Test;

class TableRendererTest {

  private static final ResourceInfo CONFIG_MAPS =
      ResourceInfo.builtIn("", "v1", "ConfigMap", "configmaps", true);

  private final TableRenderer renderer = TableRenderer.create(FixedClock.clock());

  private static ObjectNode configMap(String name) {
    return Json.object(
        """
        {"apiVersion": "v1", "kind": "ConfigMap",
         "metadata": {"name": "%s", "namespace": "default", "uid": "u-%s", "resourceVersion": "3",
                      "creationTimestamp": "2025-01-01T11:59:50Z",
                      "annotations": {"kubectl.kubernetes.io/last-applied-configuration": "{}"}},
         "data": {"k": "v"}}
        """
            .formatted(name, name));
  }

  @Test
  void aListKeepsItsOrderResourceVersionAndContinueToken() {
    ObjectNode table =
        renderer.table(
            CONFIG_MAPS, List.of(configMap("b"), configMap("a")), "42", "next-page", false);

    assertThat(table.get("kind").asText()).isEqualTo("Table");
    assertThat(table.get("apiVersion").asText()).isEqualTo("meta.k8s.io/v1");
    assertThat(table.get("metadata"))
        .isEqualTo(Json.object("{\"resourceVersion\": \"42\", \"continue\": \"next-page\"}"));
    assertThat(table.get("rows").findValues("cells").stream().map(c -> c.get(0).asText()))
        .containsExactly("b", "a");
    assertThat(table.at("/rows/0/cells").toString()).isEqualTo("[\"b\",1,\"10s\"]");
  }

  @Test
  void anEmptyListIsAnEmptyTableWithColumns() {
    ObjectNode table = renderer.table(CONFIG_MAPS, List.of(), "7", null, false);

    assertThat(table.get("rows").isArray()).isTrue();
    assertThat(table.get("rows")).isEmpty();
    assertThat(table.get("columnDefinitions")).hasSize(3);
    assertThat(table.get("metadata")).isEqualTo(Json.object("{\"resourceVersion\": \"7\"}"));
  }

  @Test
  void rowObjectsAreMetadataByDefault() {
    ObjectNode source = configMap("a");
    JsonNode object =
        renderer.table(CONFIG_MAPS, List.of(source), "3", null, false).at("/rows/0/object");

    assertThat(object.get("kind").asText()).isEqualTo("PartialObjectMetadata");
    assertThat(object.get("apiVersion").asText()).isEqualTo("meta.k8s.io/v1");
    assertThat(object.get("metadata")).isEqualTo(source.get("metadata"));
    assertThat(object.has("data")).isFalse();
  }

  @Test
  void rowObjectsCanBeWholeObjectsOrNothing() {
    ObjectNode source = configMap("a");
    JsonNode whole =
        renderer
            .table(
                CONFIG_MAPS,
                List.of(source),
                "3",
                null,
                new TableOptions(IncludeObject.OBJECT, false))
            .at("/rows/0/object");
    assertThat(whole).isEqualTo(source);

    JsonNode none =
        renderer
            .table(
                CONFIG_MAPS,
                List.of(source),
                "3",
                null,
                new TableOptions(IncludeObject.NONE, false))
            .at("/rows/0");
    assertThat(none.has("object")).isTrue();
    assertThat(none.get("object").isNull()).isTrue();
  }

  @Test
  void theTableSharesNothingWithItsInput() {
    ObjectNode source = configMap("a");
    ObjectNode table =
        renderer.table(
            CONFIG_MAPS, List.of(source), "3", null, new TableOptions(IncludeObject.OBJECT, false));
    ((ObjectNode) table.at("/rows/0/object/metadata")).put("name", "changed");

    assertThat(source.at("/metadata/name").asText()).isEqualTo("a");
  }

  @Test
  void watchEventsAfterTheFirstLeaveOutColumnDefinitions() {
    ObjectNode first =
        renderer.table(CONFIG_MAPS, List.of(configMap("a")), "4", null, TableOptions.DEFAULT);
    ObjectNode later =
        renderer.table(
            CONFIG_MAPS, List.of(configMap("a")), "5", null, TableOptions.DEFAULT.withoutHeaders());

    assertThat(first.get("columnDefinitions")).hasSize(3);
    assertThat(later.has("columnDefinitions")).isTrue();
    assertThat(later.get("columnDefinitions").isNull()).isTrue();
    assertThat(later.get("rows")).hasSize(1);
  }

  @Test
  void agesFollowTheClock() {
    Instant created = Instant.parse("2025-01-01T11:59:50Z");
    TableRenderer later =
        TableRenderer.create(Clock.fixed(created.plusSeconds(3 * 3600 + 5 * 60), ZoneOffset.UTC));

    assertThat(
            later
                .table(CONFIG_MAPS, List.of(configMap("a")), "3", null, false)
                .at("/rows/0/cells/2")
                .asText())
        .isEqualTo("3h5m");
  }

  @Test
  void includeObjectParsesTheQueryParameter() {
    assertThat(IncludeObject.parse(null)).contains(IncludeObject.METADATA);
    assertThat(IncludeObject.parse("")).contains(IncludeObject.METADATA);
    assertThat(IncludeObject.parse("Object")).contains(IncludeObject.OBJECT);
    assertThat(IncludeObject.parse("None")).contains(IncludeObject.NONE);
    assertThat(IncludeObject.parse("object")).isEmpty();
    assertThat(IncludeObject.unsupportedMessage("object"))
        .isEqualTo(
            "Unable to convert to Table as requested: includeObject: Unsupported value:"
                + " \"object\": supported values: \"Metadata\", \"None\", \"Object\"");
  }

  @Test
  void printerColumnsAreReadFromEitherCrdSpelling() {
    List<PrinterColumn> columns =
        PrinterColumn.fromCrd(
            Json.object(
                    """
                    {"c": [
                      {"name": "Ready", "type": "string", "jsonPath": ".status.ready", "priority": 1,
                       "description": "is it", "format": "x"},
                      {"name": "Old", "type": "integer", "JSONPath": ".spec.n"},
                      {"name": "", "type": "string", "jsonPath": ".a"},
                      {"name": "NoPath", "type": "string"}]}
                    """)
                .get("c"));

    assertThat(columns)
        .containsExactly(
            new PrinterColumn("Ready", "string", "x", "is it", 1, ".status.ready"),
            new PrinterColumn("Old", "integer", "", "", 0, ".spec.n"));
    assertThat(PrinterColumn.fromCrd(null)).isEmpty();
  }
}
