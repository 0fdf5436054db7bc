package dev.tributary.local.apiserver;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.api.model.GenericKubernetesResourceBuilder;
import io.fabric8.kubernetes.api.model.apiextensions.v1.CustomResourceDefinition;
import io.fabric8.kubernetes.api.model.apiextensions.v1.CustomResourceDefinitionBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientException;
import io.fabric8.kubernetes.client.dsl.base.ResourceDefinitionContext;
import java.io.InputStream;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** CustomResourceDefinitions served dynamically, and the Knative sources' version conversion. */
class CrdIT {

  private static final ObjectMapper JSON = new ObjectMapper();
  private static final String GROUP = "example.tributary.dev";

  @TempDir static Path temp;
  private static TestCluster cluster;
  private static KubernetesClient client;

  @BeforeAll
  static void start() throws Exception {
    cluster = TestCluster.start(temp.resolve("data"));
    client = cluster.client();
  }

  @AfterAll
  static void stop() throws Exception {
    cluster.close();
  }

  private static CustomResourceDefinition widgetCrd(String plural, String kind) {
    return new CustomResourceDefinitionBuilder()
        .withNewMetadata()
        .withName(plural + "." + GROUP)
        .endMetadata()
        .withNewSpec()
        .withGroup(GROUP)
        .withScope("Namespaced")
        .withNewNames()
        .withKind(kind)
        .withPlural(plural)
        .withSingular(kind.toLowerCase())
        .withShortNames("wd" + plural.length())
        .withCategories("all", "examples")
        .endNames()
        .addNewVersion()
        .withName("v1")
        .withServed(true)
        .withStorage(true)
        .withNewSubresources()
        .withNewStatus()
        .endStatus()
        .endSubresources()
        .withNewSchema()
        .withNewOpenAPIV3Schema()
        .withType("object")
        .withXKubernetesPreserveUnknownFields(true)
        .endOpenAPIV3Schema()
        .endSchema()
        .endVersion()
        .addNewVersion()
        .withName("v1beta1")
        .withServed(true)
        .withStorage(false)
        .withNewSchema()
        .withNewOpenAPIV3Schema()
        .withType("object")
        .withXKubernetesPreserveUnknownFields(true)
        .endOpenAPIV3Schema()
        .endSchema()
        .endVersion()
        .endSpec()
        .build();
  }

  private static ResourceDefinitionContext context(String plural, String kind, String version) {
    return new ResourceDefinitionContext.Builder()
        .withGroup(GROUP)
        .withVersion(version)
        .withKind(kind)
        .withPlural(plural)
        .withNamespaced(true)
        .build();
  }

  private static GenericKubernetesResource widget(String kind, String version, String name) {
    return new GenericKubernetesResourceBuilder()
        .withApiVersion(GROUP + "/" + version)
        .withKind(kind)
        .withNewMetadata()
        .withName(name)
        .withNamespace("default")
        .endMetadata()
        .withAdditionalProperties(Map.of("spec", Map.of("size", 3)))
        .build();
  }

  @Test
  void aCrdServesItsResourceAtEveryVersionAndDiscoveryShowsIt() throws Exception {
    CustomResourceDefinition created =
        client
            .apiextensions()
            .v1()
            .customResourceDefinitions()
            .resource(widgetCrd("widgets", "Widget"))
            .create();
    assertThat(created.getStatus().getConditions())
        .anySatisfy(
            c -> {
              assertThat(c.getType()).isEqualTo("Established");
              assertThat(c.getStatus()).isEqualTo("True");
            });
    assertThat(created.getStatus().getStoredVersions()).containsExactly("v1");

    JsonNode v1 = JSON.readTree(cluster.get("/apis/" + GROUP + "/v1").body());
    JsonNode widgets = resource(v1, "widgets");
    assertThat(widgets.path("name").asText()).isEqualTo("widgets");
    assertThat(widgets.path("namespaced").asBoolean()).isTrue();
    assertThat(widgets.path("shortNames").get(0).asText()).isEqualTo("wd7");
    assertThat(widgets.path("categories").toString()).isEqualTo("[\"all\",\"examples\"]");
    assertThat(resource(v1, "widgets/status").path("verbs").size()).isEqualTo(3);
    JsonNode group = JSON.readTree(cluster.get("/apis/" + GROUP).body());
    assertThat(group.path("preferredVersion").path("version").asText()).isEqualTo("v1");
    JsonNode openapi = JSON.readTree(cluster.get("/openapi/v3").body());
    assertThat(openapi.path("paths").has("apis/" + GROUP + "/v1beta1")).isTrue();

    GenericKubernetesResource fromBeta =
        client
            .genericKubernetesResources(context("widgets", "Widget", "v1beta1"))
            .inNamespace("default")
            .resource(widget("Widget", "v1beta1", "w1"))
            .create();
    assertThat(fromBeta.getApiVersion()).isEqualTo(GROUP + "/v1beta1");

    GenericKubernetesResource asV1 =
        client
            .genericKubernetesResources(context("widgets", "Widget", "v1"))
            .inNamespace("default")
            .withName("w1")
            .get();
    assertThat(asV1.getApiVersion()).isEqualTo(GROUP + "/v1");
    assertThat(asV1.getAdditionalProperties().get("spec")).isEqualTo(Map.of("size", 3));
    assertThat(asV1.getMetadata().getUid()).isEqualTo(fromBeta.getMetadata().getUid());
  }

  @Test
  void aDeclaredStatusSubresourceSeparatesStatusFromSpec() {
    client
        .apiextensions()
        .v1()
        .customResourceDefinitions()
        .resource(widgetCrd("gadgets", "Gadget"))
        .create();
    var gadgets =
        client
            .genericKubernetesResources(context("gadgets", "Gadget", "v1"))
            .inNamespace("default");
    GenericKubernetesResource created = gadgets.resource(widget("Gadget", "v1", "g1")).create();

    GenericKubernetesResource withStatus = new GenericKubernetesResourceBuilder(created).build();
    withStatus.setAdditionalProperty("status", Map.of("ready", true));
    GenericKubernetesResource mainUpdate = gadgets.resource(withStatus).update();
    assertThat(mainUpdate.getAdditionalProperties()).doesNotContainKey("status");

    GenericKubernetesResource statusUpdate =
        gadgets
            .resource(
                new GenericKubernetesResourceBuilder(withStatus)
                    .editMetadata()
                    .withResourceVersion(mainUpdate.getMetadata().getResourceVersion())
                    .endMetadata()
                    .build())
            .updateStatus();
    assertThat(statusUpdate.getAdditionalProperties().get("status"))
        .isEqualTo(Map.of("ready", true));
    assertThat(statusUpdate.getMetadata().getGeneration()).isEqualTo(1L);
  }

  @Test
  void deletingACrdStopsServingItAndDeletesItsObjects() throws Exception {
    client
        .apiextensions()
        .v1()
        .customResourceDefinitions()
        .resource(widgetCrd("gizmos", "Gizmo"))
        .create();
    client
        .genericKubernetesResources(context("gizmos", "Gizmo", "v1"))
        .inNamespace("default")
        .resource(widget("Gizmo", "v1", "z1"))
        .create();

    client.apiextensions().v1().customResourceDefinitions().withName("gizmos." + GROUP).delete();

    assertThat(cluster.get("/apis/" + GROUP + "/v1/namespaces/default/gizmos").statusCode())
        .isEqualTo(404);
    assertThat(cluster.store.list(GROUP + "/gizmos", null).items()).isEmpty();
  }

  @Test
  void anInvalidCrdIs422() {
    CustomResourceDefinition wrongName = widgetCrd("things", "Thing");
    wrongName.getMetadata().setName("wrong.example.tributary.dev");

    KubernetesClientException error = null;
    try {
      client.apiextensions().v1().customResourceDefinitions().resource(wrongName).create();
    } catch (KubernetesClientException e) {
      error = e;
    }

    assertThat(error).isNotNull();
    assertThat(error.getCode()).isEqualTo(422);
    assertThat(error.getStatus().getDetails().getCauses())
        .anySatisfy(c -> assertThat(c.getField()).isEqualTo("metadata.name"));
  }

  @Test
  void pingSourcesWrittenAsV1beta1AreStoredAsV1AndConvertBack() throws Exception {
    try (InputStream crd =
        getClass().getResourceAsStream("/crds/pingsources.sources.knative.dev.yaml")) {
      client.apiextensions().v1().customResourceDefinitions().load(crd).create();
    }
    ResourceDefinitionContext v1beta1 =
        new ResourceDefinitionContext.Builder()
            .withGroup("sources.knative.dev")
            .withVersion("v1beta1")
            .withKind("PingSource")
            .withPlural("pingsources")
            .withNamespaced(true)
            .build();
    ResourceDefinitionContext v1 =
        new ResourceDefinitionContext.Builder()
            .withGroup("sources.knative.dev")
            .withVersion("v1")
            .withKind("PingSource")
            .withPlural("pingsources")
            .withNamespaced(true)
            .build();
    GenericKubernetesResource ping =
        new GenericKubernetesResourceBuilder()
            .withApiVersion("sources.knative.dev/v1beta1")
            .withKind("PingSource")
            .withNewMetadata()
            .withName("test-ping-source")
            .withNamespace("default")
            .endMetadata()
            .withAdditionalProperties(
                Map.of(
                    "spec",
                    Map.of(
                        "schedule", "*/1 * * * *",
                        "jsonData", "{\"message\": \"hello, world!\"}",
                        "sink",
                            Map.of(
                                "ref",
                                Map.of(
                                    "apiVersion",
                                    "v1",
                                    "kind",
                                    "Service",
                                    "name",
                                    "event-display")))))
            .build();

    client.genericKubernetesResources(v1beta1).inNamespace("default").resource(ping).create();

    Map<String, Object> stored =
        cluster
            .store
            .get(
                new dev.tributary.local.store.ObjectKey(
                    "sources.knative.dev/pingsources", "default", "test-ping-source"))
            .map(o -> JSON.convertValue(o, Map.class))
            .orElseThrow();
    assertThat(stored.get("apiVersion")).isEqualTo("sources.knative.dev/v1");
    @SuppressWarnings("unchecked")
    Map<String, Object> storedSpec = (Map<String, Object>) stored.get("spec");
    assertThat(storedSpec)
        .containsEntry("data", "{\"message\":\"hello, world!\"}") // re-marshalled, as upstream does
        .containsEntry("contentType", "application/json");

    GenericKubernetesResource asV1 =
        client
            .genericKubernetesResources(v1)
            .inNamespace("default")
            .withName("test-ping-source")
            .get();
    assertThat(asV1.getApiVersion()).isEqualTo("sources.knative.dev/v1");
    GenericKubernetesResource back =
        client
            .genericKubernetesResources(v1beta1)
            .inNamespace("default")
            .withName("test-ping-source")
            .get();
    assertThat(back.getApiVersion()).isEqualTo("sources.knative.dev/v1beta1");
    @SuppressWarnings("unchecked")
    Map<String, Object> backSpec = (Map<String, Object>) back.getAdditionalProperties().get("spec");
    assertThat(backSpec)
        .containsEntry("jsonData", "{\"message\": \"hello, world!\"}")
        .doesNotContainKey("data");
    assertThat(List.of(back.getMetadata().getName())).containsExactly("test-ping-source");

    // LIST: served as stored in v1, converted for v1beta1, as GET does.
    List<GenericKubernetesResource> listedV1 =
        client.genericKubernetesResources(v1).inNamespace("default").list().getItems();
    List<GenericKubernetesResource> listedV1beta1 =
        client.genericKubernetesResources(v1beta1).inNamespace("default").list().getItems();
    assertThat(listedV1).singleElement().isEqualTo(asV1);
    assertThat(listedV1beta1).singleElement().isEqualTo(back);
  }

  @Test
  void customObjectsArePrunedDefaultedAndValidatedByTheirSchema() throws Exception {
    String schema =
        """
        {"type":"object","properties":{"spec":{"type":"object","required":["size"],
         "properties":{"size":{"type":"integer"},"color":{"type":"string","default":"blue"}}}}}
        """;
    String crd =
        """
        {"apiVersion":"apiextensions.k8s.io/v1","kind":"CustomResourceDefinition",
         "metadata":{"name":"sprockets.%s"},
         "spec":{"group":"%s","scope":"Namespaced",
          "names":{"kind":"Sprocket","plural":"sprockets","singular":"sprocket"},
          "versions":[{"name":"v1","served":true,"storage":true,"schema":{"openAPIV3Schema":%s}}]}}
        """
            .formatted(GROUP, GROUP, schema);
    client
        .apiextensions()
        .v1()
        .customResourceDefinitions()
        .load(
            new java.io.ByteArrayInputStream(crd.getBytes(java.nio.charset.StandardCharsets.UTF_8)))
        .create();
    var sprockets =
        client
            .genericKubernetesResources(context("sprockets", "Sprocket", "v1"))
            .inNamespace("default");

    GenericKubernetesResource created =
        sprockets
            .resource(
                new GenericKubernetesResourceBuilder()
                    .withApiVersion(GROUP + "/v1")
                    .withKind("Sprocket")
                    .withNewMetadata()
                    .withName("s1")
                    .endMetadata()
                    .withAdditionalProperties(Map.of("spec", Map.of("size", 2, "unknown", "x")))
                    .build())
            .create();
    assertThat(created.getAdditionalProperties().get("spec"))
        .isEqualTo(Map.of("size", 2, "color", "blue"));

    KubernetesClientException error = null;
    try {
      sprockets
          .resource(
              new GenericKubernetesResourceBuilder()
                  .withApiVersion(GROUP + "/v1")
                  .withKind("Sprocket")
                  .withNewMetadata()
                  .withName("s2")
                  .endMetadata()
                  .withAdditionalProperties(Map.of("spec", Map.of("size", "big")))
                  .build())
          .create();
    } catch (KubernetesClientException e) {
      error = e;
    }
    assertThat(error).isNotNull();
    assertThat(error.getCode()).isEqualTo(422);
    assertThat(error.getStatus().getDetails().getCauses())
        .anySatisfy(c -> assertThat(c.getField()).isEqualTo("spec.size"));
  }

  private static JsonNode resource(JsonNode list, String name) {
    for (JsonNode resource : list.path("resources")) {
      if (resource.path("name").asText().equals(name)) {
        return resource;
      }
    }
    throw new AssertionError("no resource " + name + " in " + list);
  }
}
