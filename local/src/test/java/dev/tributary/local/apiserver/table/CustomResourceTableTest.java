package dev.tributary.local.apiserver.table;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.InputStream;
import java.util.List;
import org.junit.jupiter.api.Test;

class CustomResourceTableTest {

  private final TableRenderer renderer = TableRenderer.create(FixedClock.clock());

  /** The columns of §6.2's example (knative's ApiServerSource columns, in the same order). */
  private static final List<PrinterColumn> SECTION_6_2_COLUMNS =
      PrinterColumn.fromCrd(
          Json.MAPPER.valueToTree(
              List.of(
                  Json.object(
                      "{\"name\":\"Sink\",\"type\":\"string\",\"jsonPath\":\".status.sinkUri\"}"),
                  Json.object(
                      "{\"name\":\"Age\",\"type\":\"date\",\"jsonPath\":\".metadata.creationTimestamp\"}"),
                  Json.object(
                      "{\"name\":\"Ready\",\"type\":\"string\","
                          + "\"jsonPath\":\".status.conditions[?(@.type=='Ready')].status\"}"),
                  Json.object(
                      "{\"name\":\"Reason\",\"type\":\"string\","
                          + "\"jsonPath\":\".status.conditions[?(@.type==\\\"Ready\\\")].reason\"}"))));

  private static final ResourceInfo PING_SOURCES =
      new ResourceInfo(
          "sources.knative.dev", "v1", "PingSource", "pingsources", true, SECTION_6_2_COLUMNS);

  private static final ObjectNode PING_SOURCE =
      Json.object(
          """
          {"apiVersion": "sources.knative.dev/v1", "kind": "PingSource",
           "metadata": {"name": "test-ping-source", "namespace": "default", "uid": "6c1f",
                        "resourceVersion": "104", "creationTimestamp": "2025-01-01T11:56:48Z",
                        "labels": {"app": "x"}},
           "spec": {"schedule": "*/1 * * * *", "data": "{\\"message\\": \\"hello, world!\\"}"},
           "status": {"sinkUri": "http://event-display.default.svc.cluster.local",
                      "conditions": [{"type": "Deployed", "status": "True"},
                                     {"type": "Ready", "status": "True"},
                                     {"type": "SinkProvided", "status": "True"}]}}
          """);

  @Test
  void pingSourceTableIsTheOneKubectlExpects() {
    ObjectNode table = renderer.table(PING_SOURCES, List.of(PING_SOURCE), "105", null, false);

    // §6.2's example, with kube's wording for descriptions and apiextensions' short age: a CRD's
    // date column is ShortHumanDuration ("3m"), not the built-in printers' "3m12s"
    ObjectNode expected =
        Json.object(
            """
            {"kind":"Table","apiVersion":"meta.k8s.io/v1","metadata":{"resourceVersion":"105"},
             "columnDefinitions":[
              {"name":"Name","type":"string","format":"name","description":"%s","priority":0},
              {"name":"Sink","type":"string","format":"","priority":0,
               "description":"Custom resource definition column (in JSONPath format): .status.sinkUri"},
              {"name":"Age","type":"date","format":"","priority":0,
               "description":"Custom resource definition column (in JSONPath format): .metadata.creationTimestamp"},
              {"name":"Ready","type":"string","format":"","priority":0,
               "description":"Custom resource definition column (in JSONPath format): .status.conditions[?(@.type=='Ready')].status"},
              {"name":"Reason","type":"string","format":"","priority":0,
               "description":"Custom resource definition column (in JSONPath format): .status.conditions[?(@.type==\\"Ready\\")].reason"}],
             "rows":[{
              "cells":["test-ping-source","http://event-display.default.svc.cluster.local","3m","True",null],
              "object":{"kind":"PartialObjectMetadata","apiVersion":"meta.k8s.io/v1",
                        "metadata":{"name":"test-ping-source","namespace":"default","uid":"6c1f",
                                    "resourceVersion":"104","creationTimestamp":"2025-01-01T11:56:48Z",
                                    "labels":{"app":"x"}}}}]}
            """
                .formatted(Descriptions.NAME));
    assertThat(table).isEqualTo(expected);
  }

  @Test
  void aCrdWithoutColumnsPrintsNameAndAge() {
    ResourceInfo widgets =
        new ResourceInfo("example.com", "v1", "Widget", "widgets", true, List.of());
    ObjectNode table = renderer.table(widgets, List.of(PING_SOURCE), "7", null, false);

    assertThat(table.path("columnDefinitions").findValuesAsText("name"))
        .containsExactly("Name", "Age");
    assertThat(table.at("/columnDefinitions/1/type").asText()).isEqualTo("date");
    assertThat(table.at("/rows/0/cells"))
        .isEqualTo(Json.MAPPER.valueToTree(List.of("test-ping-source", "3m")));
  }

  @Test
  void theGeneratedPingSourceCrdColumnsRender() throws Exception {
    JsonNode crd;
    try (InputStream in =
        getClass().getResourceAsStream("/crds/pingsources.sources.knative.dev.yaml")) {
      assertThat(in).as("PingSource CRD generated by the api module").isNotNull();
      crd = new ObjectMapper(new YAMLFactory()).readTree(in);
    }
    JsonNode v1 = null;
    for (JsonNode version : crd.at("/spec/versions")) {
      if (version.path("name").asText().equals("v1")) {
        v1 = version;
      }
    }
    assertThat(v1).isNotNull();
    List<PrinterColumn> columns = PrinterColumn.fromCrd(v1.get("additionalPrinterColumns"));
    columns.forEach(column -> assertThat(column.jsonPathError()).isEmpty());

    ObjectNode table =
        renderer.table(
            new ResourceInfo(
                "sources.knative.dev", "v1", "PingSource", "pingsources", true, columns),
            List.of(PING_SOURCE),
            "105",
            null,
            false);

    assertThat(table.path("columnDefinitions").findValuesAsText("name"))
        .containsExactly("Name", "Sink", "Schedule", "Age", "Ready", "Reason");
    assertThat(table.at("/rows/0/cells"))
        .isEqualTo(
            Json.MAPPER.valueToTree(
                java.util.Arrays.asList(
                    "test-ping-source",
                    "http://event-display.default.svc.cluster.local",
                    "*/1 * * * *",
                    "3m",
                    "True",
                    null)));
  }

  @Test
  void cellsKeepTheColumnType() {
    List<PrinterColumn> columns =
        List.of(
            new PrinterColumn("Count", "integer", "", "", 0, ".spec.count"),
            new PrinterColumn("Ratio", "number", "", "", 0, ".spec.ratio"),
            new PrinterColumn("Whole", "number", "", "", 0, ".spec.count"),
            new PrinterColumn("Truncated", "integer", "", "", 0, ".spec.ratio"),
            new PrinterColumn("Paused", "boolean", "", "", 1, ".spec.paused"),
            new PrinterColumn("Text", "string", "", "", 0, ".spec.count"),
            new PrinterColumn("Object", "string", "", "", 0, ".spec.nested"),
            new PrinterColumn("Null", "string", "", "", 0, ".spec.nothing"),
            new PrinterColumn("Mismatch", "integer", "", "", 0, ".spec.text"),
            new PrinterColumn("Started", "date", "", "", 0, ".status.startedAt"),
            new PrinterColumn("Garbage", "date", "", "", 0, ".spec.text"),
            new PrinterColumn("Empty", "date", "", "", 0, ".spec.empty"),
            new PrinterColumn("OutOfRange", "string", "", "", 0, ".spec.list[3]"),
            new PrinterColumn("Unknown", "color", "", "", 0, ".spec.count"));
    ObjectNode object =
        Json.object(
            """
            {"metadata": {"name": "w"},
             "spec": {"count": 3, "ratio": 2.75, "paused": true, "text": "abc", "empty": "",
                      "nested": {"b": [1, 2], "a": "x"}, "nothing": null, "list": [1]},
             "status": {"startedAt": "2024-12-30T12:00:00Z"}}
            """);
    ObjectNode table =
        renderer.table(
            new ResourceInfo("example.com", "v1", "Widget", "widgets", true, columns),
            List.of(object),
            "1",
            null,
            false);

    assertThat(table.at("/rows/0/cells").toString())
        .isEqualTo(
            "[\"w\",3,2.75,3,2,true,\"3\",\"{\\\"a\\\":\\\"x\\\",\\\"b\\\":[1,2]}\",\"<no value>\","
                + "null,\"2d\",\"<invalid>\",\"<unknown>\",null,null]");
    assertThat(table.at("/columnDefinitions/5/priority").asInt()).isEqualTo(1);
  }

  @Test
  void aColumnThatDoesNotParseDropsItAndTheColumnsAfterIt() {
    List<PrinterColumn> columns =
        List.of(
            new PrinterColumn("Sink", "string", "", "where events go", 0, ".status.sinkUri"),
            new PrinterColumn("Broken", "string", "", "", 0, ".spec[?(@.x"),
            new PrinterColumn("Schedule", "string", "", "", 0, ".spec.schedule"));
    assertThat(columns.get(1).jsonPathError()).contains("unterminated filter");

    ObjectNode table =
        renderer.table(
            new ResourceInfo(
                "sources.knative.dev", "v1", "PingSource", "pingsources", true, columns),
            List.of(PING_SOURCE),
            "1",
            null,
            false);

    assertThat(table.path("columnDefinitions").findValuesAsText("name"))
        .containsExactly("Name", "Sink");
    assertThat(table.at("/columnDefinitions/1/description").asText()).isEqualTo("where events go");
    assertThat(table.at("/rows/0/cells").size()).isEqualTo(2);
  }
}
