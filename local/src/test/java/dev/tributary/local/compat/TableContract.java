package dev.tributary.local.compat;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.fabric8.kubernetes.api.model.PodBuilder;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Server-side Tables, as kubectl get asks for them: built-in columns and printer columns. */
public abstract class TableContract extends ApiServerContract {

  private JsonNode table(String path) throws Exception {
    var response = raw("GET", path, null, null, TABLE_ACCEPT);
    assertThat(response.code()).as(response.body()).isEqualTo(200);
    JsonNode table = json(response.body());
    assertThat(table.path("kind").asText()).isEqualTo("Table");
    assertThat(table.path("apiVersion").asText()).isEqualTo("meta.k8s.io/v1");
    return table;
  }

  private static List<String> columns(JsonNode table) {
    List<String> names = new ArrayList<>();
    table.path("columnDefinitions").forEach(c -> names.add(c.path("name").asText()));
    return names;
  }

  private static JsonNode row(JsonNode table, String name) {
    for (JsonNode row : table.path("rows")) {
      if (row.path("cells").get(0).asText().equals(name)) {
        return row;
      }
    }
    throw new AssertionError("no row " + name + " in " + table);
  }

  @Test
  void podsHaveKubectlsColumns() throws Exception {
    admin
        .pods()
        .inNamespace(ns)
        .resource(
            new PodBuilder()
                .withNewMetadata()
                .withName("tabled")
                .endMetadata()
                .withNewSpec()
                .addNewContainer()
                .withName("app")
                .withImage("registry.example/app:1")
                .endContainer()
                .endSpec()
                .build())
        .create();

    JsonNode table = table("/api/v1/namespaces/" + ns + "/pods");

    assertThat(columns(table))
        .containsExactly(
            "Name",
            "Ready",
            "Status",
            "Restarts",
            "Age",
            "IP",
            "Node",
            "Nominated Node",
            "Readiness Gates");
    assertThat(table.path("columnDefinitions").get(0).path("format").asText()).isEqualTo("name");
    assertThat(table.path("columnDefinitions").get(5).path("priority").asInt()).isEqualTo(1);
    JsonNode row = row(table, "tabled");
    assertThat(row.path("cells").get(1).asText()).isEqualTo("0/1");
    // kubectl's pod printer renders restarts as text, e.g. "0" or "2 (5m ago)".
    assertThat(row.path("cells").get(3).asText()).isEqualTo("0");
    assertThat(row.path("object").path("kind").asText()).isEqualTo("PartialObjectMetadata");
    assertThat(row.path("object").path("metadata").path("name").asText()).isEqualTo("tabled");
    assertThat(table.path("metadata").path("resourceVersion").asText()).isNotEmpty();
  }

  @Test
  void configMapsCountTheirData() throws Exception {
    createConfigMap("two-keys", Map.of("a", "1", "b", "2"));

    JsonNode table = table("/api/v1/namespaces/" + ns + "/configmaps/two-keys");

    assertThat(columns(table)).containsExactly("Name", "Data", "Age");
    assertThat(table.path("rows")).hasSize(1);
    assertThat(table.path("rows").get(0).path("cells").get(1).asInt()).isEqualTo(2);
  }

  @Test
  void customResourcesUseTheirPrinterColumns() throws Exception {
    createCrd(
        """
        {"apiVersion":"apiextensions.k8s.io/v1","kind":"CustomResourceDefinition",
         "metadata":{"name":"tablewidgets.%s"},
         "spec":{"group":"%s","scope":"Namespaced",
          "names":{"kind":"TableWidget","plural":"tablewidgets","singular":"tablewidget"},
          "versions":[{"name":"v1","served":true,"storage":true,
           "additionalPrinterColumns":[
            {"name":"Size","type":"integer","jsonPath":".spec.size"},
            {"name":"Color","type":"string","jsonPath":".spec.color","description":"paint"},
            {"name":"Hidden","type":"string","jsonPath":".spec.hidden","priority":1}],
           "schema":{"openAPIV3Schema":{"type":"object","properties":{"spec":{"type":"object",
            "properties":{"size":{"type":"integer"},"color":{"type":"string"},
             "hidden":{"type":"string"}}}}}}}]}}
        """
            .formatted(GROUP, GROUP));
    var created =
        raw(
            "POST",
            "/apis/" + GROUP + "/v1/namespaces/" + ns + "/tablewidgets",
            "application/json",
            "{\"apiVersion\":\""
                + GROUP
                + "/v1\",\"kind\":\"TableWidget\","
                + "\"metadata\":{\"name\":\"painted\"},"
                + "\"spec\":{\"size\":3,\"color\":\"red\",\"hidden\":\"h\"}}",
            null);
    assertThat(created.code()).as(created.body()).isEqualTo(201);

    JsonNode table = table("/apis/" + GROUP + "/v1/namespaces/" + ns + "/tablewidgets");

    assertThat(columns(table)).containsExactly("Name", "Size", "Color", "Hidden");
    JsonNode color = table.path("columnDefinitions").get(2);
    assertThat(color.path("type").asText()).isEqualTo("string");
    assertThat(color.path("description").asText()).isEqualTo("paint");
    assertThat(table.path("columnDefinitions").get(3).path("priority").asInt()).isEqualTo(1);
    JsonNode row = row(table, "painted");
    assertThat(row.path("cells").get(1).asInt()).isEqualTo(3);
    assertThat(row.path("cells").get(2).asText()).isEqualTo("red");
    assertThat(row.path("cells").get(3).asText()).isEqualTo("h");
  }
}
