package dev.tributary.local.apiserver;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.fabric8.kubernetes.api.model.Namespace;
import io.fabric8.kubernetes.client.KubernetesClient;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Health, authentication, version, discovery and OpenAPI as clients read them. */
class DiscoveryIT {

  private static final ObjectMapper JSON = new ObjectMapper();

  @TempDir static Path temp;
  private static TestCluster cluster;

  @BeforeAll
  static void start() throws Exception {
    cluster = TestCluster.start(temp.resolve("data"));
  }

  @AfterAll
  static void stop() throws Exception {
    cluster.close();
  }

  private static JsonNode json(HttpResponse<String> response) throws Exception {
    return JSON.readTree(response.body());
  }

  @Test
  void healthNeedsNoToken() throws Exception {
    for (String path : List.of("/healthz", "/readyz", "/livez")) {
      HttpResponse<String> response =
          cluster.send(HttpRequest.newBuilder(URI.create(cluster.baseUrl() + path)).build());
      assertThat(response.statusCode()).as(path).isEqualTo(200);
      assertThat(response.body()).isEqualTo("ok");
    }
  }

  @Test
  void requestsWithoutOrWithABadTokenGet401Status() throws Exception {
    HttpResponse<String> none =
        cluster.send(
            HttpRequest.newBuilder(URI.create(cluster.baseUrl() + "/api/v1/pods")).build());
    HttpResponse<String> bad =
        cluster.send(
            HttpRequest.newBuilder(URI.create(cluster.baseUrl() + "/version"))
                .header("Authorization", "Bearer not-a-token")
                .build());

    for (HttpResponse<String> response : List.of(none, bad)) {
      assertThat(response.statusCode()).isEqualTo(401);
      assertThat(response.headers().firstValue("Content-Type")).hasValue("application/json");
      JsonNode status = json(response);
      assertThat(status.path("kind").asText()).isEqualTo("Status");
      assertThat(status.path("reason").asText()).isEqualTo("Unauthorized");
      assertThat(status.path("code").asInt()).isEqualTo(401);
    }
  }

  @Test
  void versionReportsKubernetes132WithEveryField() throws Exception {
    JsonNode version = json(cluster.get("/version?timeout=5s"));

    assertThat(version.path("major").asText()).isEqualTo("1");
    assertThat(version.path("minor").asText()).isEqualTo("32");
    for (String field :
        List.of(
            "gitVersion",
            "gitCommit",
            "gitTreeState",
            "buildDate",
            "goVersion",
            "compiler",
            "platform")) {
      assertThat(version.path(field).asText()).as(field).isNotEmpty();
    }
  }

  @Test
  void legacyDiscoveryListsCoreResourcesWithShortNamesCategoriesAndSubresources() throws Exception {
    JsonNode api = json(cluster.get("/api"));
    assertThat(api.path("kind").asText()).isEqualTo("APIVersions");
    assertThat(api.path("versions").get(0).asText()).isEqualTo("v1");

    JsonNode v1 = json(cluster.get("/api/v1"));
    assertThat(v1.path("groupVersion").asText()).isEqualTo("v1");
    JsonNode pods = resource(v1, "pods");
    assertThat(pods.path("namespaced").asBoolean()).isTrue();
    assertThat(pods.path("kind").asText()).isEqualTo("Pod");
    assertThat(pods.path("singularName").asText()).isEqualTo("pod");
    assertThat(texts(pods.path("shortNames"))).containsExactly("po");
    assertThat(texts(pods.path("categories"))).containsExactly("all");
    assertThat(texts(pods.path("verbs"))).contains("create", "get", "list", "watch", "patch");
    assertThat(texts(resource(v1, "pods/status").path("verbs")))
        .containsExactly("get", "patch", "update");
    assertThat(texts(resource(v1, "pods/log").path("verbs"))).containsExactly("get");
    assertThat(resource(v1, "namespaces").path("namespaced").asBoolean()).isFalse();
    assertThat(texts(resource(v1, "configmaps").path("shortNames"))).containsExactly("cm");
  }

  @Test
  void groupsListTheirPreferredVersionFirst() throws Exception {
    JsonNode apis = json(cluster.get("/apis"));
    assertThat(apis.path("kind").asText()).isEqualTo("APIGroupList");
    JsonNode batch = null;
    for (JsonNode group : apis.path("groups")) {
      if (group.path("name").asText().equals("batch")) {
        batch = group;
      }
    }
    assertThat(batch).isNotNull();
    assertThat(batch.path("preferredVersion").path("version").asText()).isEqualTo("v1");
    assertThat(batch.path("versions").get(1).path("groupVersion").asText())
        .isEqualTo("batch/v1beta1");

    JsonNode apps = json(cluster.get("/apis/apps/v1"));
    JsonNode deployments = resource(apps, "deployments");
    assertThat(texts(deployments.path("shortNames"))).containsExactly("deploy");
    assertThat(texts(deployments.path("categories"))).containsExactly("all");
    JsonNode crds =
        resource(json(cluster.get("/apis/apiextensions.k8s.io/v1")), "customresourcedefinitions");
    assertThat(texts(crds.path("shortNames"))).containsExactly("crd", "crds");
    assertThat(json(cluster.get("/apis/apps")).path("kind").asText()).isEqualTo("APIGroup");
  }

  @Test
  void aggregatedDiscoveryIsServedOnlyWhenAskedForWithItsContentType() throws Exception {
    HttpResponse<String> response =
        cluster.send(
            cluster
                .request("/apis?timeout=32s")
                .header(
                    "Accept",
                    "application/json;g=apidiscovery.k8s.io;v=v2;as=APIGroupDiscoveryList,"
                        + "application/json;g=apidiscovery.k8s.io;v=v2beta1;as=APIGroupDiscoveryList,"
                        + "application/json")
                .build());

    assertThat(response.headers().firstValue("Content-Type"))
        .hasValue("application/json;g=apidiscovery.k8s.io;v=v2;as=APIGroupDiscoveryList");
    JsonNode list = json(response);
    assertThat(list.path("kind").asText()).isEqualTo("APIGroupDiscoveryList");
    JsonNode apps = null;
    for (JsonNode item : list.path("items")) {
      if (item.path("metadata").path("name").asText().equals("apps")) {
        apps = item;
      }
    }
    assertThat(apps).isNotNull();
    JsonNode deployments = apps.path("versions").get(0).path("resources").get(0);
    assertThat(deployments.path("resource").asText()).isEqualTo("deployments");
    assertThat(deployments.path("scope").asText()).isEqualTo("Namespaced");
    assertThat(deployments.path("responseKind").path("kind").asText()).isEqualTo("Deployment");

    JsonNode core =
        json(
            cluster.send(
                cluster
                    .request("/api")
                    .header(
                        "Accept",
                        "application/json;g=apidiscovery.k8s.io;v=v2;as=APIGroupDiscoveryList")
                    .build()));
    assertThat(core.path("items")).hasSize(1);
    assertThat(core.path("items").get(0).path("metadata").path("name").asText()).isEmpty();
  }

  @Test
  void openApiV3DeclaresFieldValidationOnEveryKindsPatch() throws Exception {
    JsonNode index = json(cluster.get("/openapi/v3?timeout=32s"));
    String appsUrl = index.path("paths").path("apis/apps/v1").path("serverRelativeURL").asText();
    assertThat(appsUrl).startsWith("/openapi/v3/apis/apps/v1?hash=");
    assertThat(index.path("paths").has("api/v1")).isTrue();

    JsonNode apps = json(cluster.get(appsUrl));
    JsonNode patch =
        apps.path("paths")
            .path("/apis/apps/v1/namespaces/{namespace}/deployments/{name}")
            .path("patch");
    assertThat(patch.path("x-kubernetes-group-version-kind").path("kind").asText())
        .isEqualTo("Deployment");
    assertThat(patch.path("parameters").get(0).path("name").asText()).isEqualTo("fieldValidation");

    JsonNode core = json(cluster.get("/openapi/v3/api/v1"));
    assertThat(core.path("paths").has("/api/v1/namespaces/{name}")).isTrue();
    assertThat(cluster.get("/openapi/v2?timeout=32s").statusCode()).isEqualTo(404);
  }

  @Test
  void unknownPathsAndGroupsAre404Status() throws Exception {
    for (String path :
        List.of("/apis/nope.example.com/v1", "/api/v2", "/nothing", "/api/v1/widgets")) {
      HttpResponse<String> response = cluster.get(path);
      assertThat(response.statusCode()).as(path).isEqualTo(404);
      assertThat(json(response).path("reason").asText()).isEqualTo("NotFound");
    }
  }

  @Test
  void aNewClusterHasItsNamespacesEachWithADefaultServiceAccount() throws Exception {
    KubernetesClient client = cluster.client();

    List<String> names =
        client.namespaces().list().getItems().stream().map(n -> n.getMetadata().getName()).toList();

    assertThat(names).contains("default", "kube-system", "kube-public", "knative-eventing");
    for (String namespace : names) {
      assertThat(client.serviceAccounts().inNamespace(namespace).withName("default").get())
          .as(namespace)
          .isNotNull();
    }
    Namespace defaultNamespace = client.namespaces().withName("default").get();
    assertThat(defaultNamespace.getStatus().getPhase()).isEqualTo("Active");
    assertThat(defaultNamespace.getMetadata().getLabels())
        .containsEntry("kubernetes.io/metadata.name", "default");
  }

  private static JsonNode resource(JsonNode list, String name) {
    for (JsonNode resource : list.path("resources")) {
      if (resource.path("name").asText().equals(name)) {
        return resource;
      }
    }
    throw new AssertionError("no resource " + name + " in " + list);
  }

  private static List<String> texts(JsonNode array) {
    List<String> values = new ArrayList<>();
    array.forEach(v -> values.add(v.asText()));
    return values;
  }
}
