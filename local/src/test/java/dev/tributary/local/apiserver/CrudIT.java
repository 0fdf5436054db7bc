package dev.tributary.local.apiserver;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.fabric8.kubernetes.api.model.ConfigMap;
import io.fabric8.kubernetes.api.model.ConfigMapBuilder;
import io.fabric8.kubernetes.api.model.ConfigMapList;
import io.fabric8.kubernetes.api.model.NamespaceBuilder;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.apps.DeploymentBuilder;
import io.fabric8.kubernetes.api.model.apps.DeploymentStatusBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientException;
import io.fabric8.kubernetes.client.dsl.base.PatchContext;
import io.fabric8.kubernetes.client.dsl.base.PatchType;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Create, read, update, patch and delete through fabric8, with Kubernetes' semantics and errors.
 */
class CrudIT {

  private static final ObjectMapper JSON = new ObjectMapper();

  @TempDir static Path temp;
  private static TestCluster cluster;
  private static KubernetesClient client;
  private String ns;

  @BeforeAll
  static void start() throws Exception {
    cluster = TestCluster.start(temp.resolve("data"));
    client = cluster.client();
  }

  @AfterAll
  static void stop() throws Exception {
    cluster.close();
  }

  @BeforeEach
  void namespace() {
    ns = "t-" + UUID.randomUUID().toString().substring(0, 8);
    client
        .namespaces()
        .resource(new NamespaceBuilder().withNewMetadata().withName(ns).endMetadata().build())
        .create();
  }

  private static ConfigMap configMap(String name, Map<String, String> labels) {
    return new ConfigMapBuilder()
        .withNewMetadata()
        .withName(name)
        .withLabels(labels)
        .endMetadata()
        .addToData("k", "v")
        .build();
  }

  private static Deployment deployment(String name) {
    return new DeploymentBuilder()
        .withNewMetadata()
        .withName(name)
        .endMetadata()
        .withNewSpec()
        .withReplicas(1)
        .withNewSelector()
        .addToMatchLabels("app", name)
        .endSelector()
        .withNewTemplate()
        .withNewMetadata()
        .addToLabels("app", name)
        .endMetadata()
        .withNewSpec()
        .addNewContainer()
        .withName("c")
        .withImage("example/image")
        .endContainer()
        .endSpec()
        .endTemplate()
        .endSpec()
        .build();
  }

  private static JsonNode status(KubernetesClientException e) throws Exception {
    return JSON.valueToTree(e.getStatus());
  }

  @Test
  void createSetsServerFieldsAndGetReturnsTheStoredObject() {
    Instant before = Instant.now().minusSeconds(1);
    ConfigMap created =
        client.configMaps().inNamespace(ns).resource(configMap("a", Map.of())).create();

    assertThat(created.getMetadata().getUid()).isNotEmpty();
    assertThat(created.getMetadata().getNamespace()).isEqualTo(ns);
    assertThat(Long.parseLong(created.getMetadata().getResourceVersion())).isPositive();
    // ConfigMap's strategy keeps no generation (kube-apiserver sets one only for workloads etc.).
    assertThat(created.getMetadata().getGeneration()).isNull();
    assertThat(Instant.parse(created.getMetadata().getCreationTimestamp()))
        .isAfterOrEqualTo(before);
    assertThat(created.getKind()).isEqualTo("ConfigMap");
    assertThat(client.configMaps().inNamespace(ns).withName("a").get()).isEqualTo(created);
  }

  @Test
  void generateNameAddsFiveCharacters() {
    ConfigMap created =
        client
            .configMaps()
            .inNamespace(ns)
            .resource(
                new ConfigMapBuilder()
                    .withNewMetadata()
                    .withGenerateName("gen-")
                    .endMetadata()
                    .build())
            .create();

    assertThat(created.getMetadata().getName()).matches("gen-[bcdfghjklmnpqrstvwxz2456789]{5}");
  }

  @Test
  void creatingTwiceIs409AlreadyExists() throws Exception {
    client.configMaps().inNamespace(ns).resource(configMap("dup", Map.of())).create();

    KubernetesClientException error =
        catchClient(
            () ->
                client.configMaps().inNamespace(ns).resource(configMap("dup", Map.of())).create());

    assertThat(error.getCode()).isEqualTo(409);
    JsonNode status = status(error);
    assertThat(status.path("reason").asText()).isEqualTo("AlreadyExists");
    assertThat(status.path("message").asText()).isEqualTo("configmaps \"dup\" already exists");
    assertThat(status.path("details").path("kind").asText()).isEqualTo("configmaps");
  }

  @Test
  void missingObjectsAre404NotFoundStatus() throws Exception {
    assertThat(client.apps().deployments().inNamespace(ns).withName("nope").get()).isNull();

    HttpResponse<String> response =
        cluster.get("/apis/apps/v1/namespaces/" + ns + "/deployments/nope");

    assertThat(response.statusCode()).isEqualTo(404);
    JsonNode status = JSON.readTree(response.body());
    assertThat(status.path("kind").asText()).isEqualTo("Status");
    assertThat(status.path("status").asText()).isEqualTo("Failure");
    assertThat(status.path("message").asText()).isEqualTo("deployments.apps \"nope\" not found");
    assertThat(status.path("details").path("group").asText()).isEqualTo("apps");
    assertThat(status.path("code").asInt()).isEqualTo(404);
  }

  @Test
  void invalidNamesAre422InvalidWithCauses() throws Exception {
    KubernetesClientException error =
        catchClient(
            () ->
                client
                    .configMaps()
                    .inNamespace(ns)
                    .resource(configMap("Bad_Name", Map.of()))
                    .create());

    assertThat(error.getCode()).isEqualTo(422);
    JsonNode status = status(error);
    assertThat(status.path("reason").asText()).isEqualTo("Invalid");
    assertThat(status.path("message").asText())
        .startsWith(
            "ConfigMap \"Bad_Name\" is invalid: metadata.name: Invalid value: \"Bad_Name\": a lowercase RFC 1123 subdomain");
    JsonNode cause = status.path("details").path("causes").get(0);
    assertThat(cause.path("reason").asText()).isEqualTo("FieldValueInvalid");
    assertThat(cause.path("field").asText()).isEqualTo("metadata.name");
  }

  @Test
  void aBodyNamingAnotherNamespaceIs400AndAMissingNamespaceIs404() throws Exception {
    ConfigMap elsewhere = configMap("x", Map.of());
    elsewhere.getMetadata().setNamespace("default");
    HttpResponse<String> response =
        cluster.send(
            cluster
                .request("/api/v1/namespaces/" + ns + "/configmaps")
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(elsewhere)))
                .build());
    assertThat(response.statusCode()).isEqualTo(400);
    assertThat(JSON.readTree(response.body()).path("reason").asText()).isEqualTo("BadRequest");

    KubernetesClientException error =
        catchClient(
            () ->
                client
                    .configMaps()
                    .inNamespace("no-such-ns")
                    .resource(configMap("x", Map.of()))
                    .create());
    assertThat(error.getCode()).isEqualTo(404);
    assertThat(error.getStatus().getMessage()).isEqualTo("namespaces \"no-such-ns\" not found");
  }

  @Test
  void updateWithAStaleResourceVersionIs409Conflict() throws Exception {
    ConfigMap created =
        client.configMaps().inNamespace(ns).resource(configMap("c", Map.of())).create();
    ConfigMap first = new ConfigMapBuilder(created).addToData("k", "first").build();
    client.configMaps().inNamespace(ns).resource(first).update();

    ConfigMap stale = new ConfigMapBuilder(created).addToData("k", "second").build();
    KubernetesClientException error =
        catchClient(() -> client.configMaps().inNamespace(ns).resource(stale).update());

    assertThat(error.getCode()).isEqualTo(409);
    JsonNode status = status(error);
    assertThat(status.path("reason").asText()).isEqualTo("Conflict");
    assertThat(status.path("message").asText())
        .isEqualTo(
            "Operation cannot be fulfilled on configmaps \"c\": the object has been modified;"
                + " please apply your changes to the latest version and try again");
    assertThat(client.configMaps().inNamespace(ns).withName("c").get().getData())
        .containsEntry("k", "first");
  }

  @Test
  void anUpdateKeepsImmutableMetadataAndANoOpUpdateKeepsTheResourceVersion() {
    ConfigMap created =
        client.configMaps().inNamespace(ns).resource(configMap("m", Map.of())).create();
    ConfigMap changed =
        new ConfigMapBuilder(created)
            .editMetadata()
            // A changed uid is refused (422, see ValidationIT); a changed timestamp is ignored.
            .withCreationTimestamp("2000-01-01T00:00:00Z")
            .endMetadata()
            .build();

    ConfigMap updated = client.configMaps().inNamespace(ns).resource(changed).update();
    ConfigMap again = client.configMaps().inNamespace(ns).resource(updated).update();

    assertThat(updated.getMetadata().getUid()).isEqualTo(created.getMetadata().getUid());
    assertThat(updated.getMetadata().getCreationTimestamp())
        .isEqualTo(created.getMetadata().getCreationTimestamp());
    assertThat(again.getMetadata().getResourceVersion())
        .isEqualTo(updated.getMetadata().getResourceVersion());
  }

  @Test
  void generationBumpsOnlyOnSpecChangesAndStatusGoesThroughItsSubresource() {
    Deployment created =
        client.apps().deployments().inNamespace(ns).resource(deployment("d")).create();
    assertThat(created.getMetadata().getGeneration()).isEqualTo(1L);

    Deployment labelled =
        client
            .apps()
            .deployments()
            .inNamespace(ns)
            .resource(
                new DeploymentBuilder(created)
                    .editMetadata()
                    .addToLabels("x", "y")
                    .endMetadata()
                    .withStatus(new DeploymentStatusBuilder().withReplicas(7).build())
                    .build())
            .update();
    assertThat(labelled.getMetadata().getGeneration()).isEqualTo(1L);
    assertThat(labelled.getStatus()).as("status is ignored on the main resource").isNull();

    Deployment scaled =
        client
            .apps()
            .deployments()
            .inNamespace(ns)
            .resource(new DeploymentBuilder(labelled).editSpec().withReplicas(3).endSpec().build())
            .update();
    assertThat(scaled.getMetadata().getGeneration()).isEqualTo(2L);

    Deployment withStatus =
        client
            .apps()
            .deployments()
            .inNamespace(ns)
            .resource(
                new DeploymentBuilder(scaled)
                    .withStatus(
                        new DeploymentStatusBuilder()
                            .withReplicas(3)
                            .withObservedGeneration(2L)
                            .build())
                    .editSpec()
                    .withReplicas(9)
                    .endSpec()
                    .build())
            .updateStatus();
    assertThat(withStatus.getStatus().getReplicas()).isEqualTo(3);
    assertThat(withStatus.getSpec().getReplicas()).as("spec is ignored on status").isEqualTo(3);
    assertThat(withStatus.getMetadata().getGeneration()).isEqualTo(2L);
    assertThat(Long.parseLong(withStatus.getMetadata().getResourceVersion()))
        .isGreaterThan(Long.parseLong(scaled.getMetadata().getResourceVersion()));
  }

  @Test
  void mergePatchAndStatusPatchWork() {
    client.apps().deployments().inNamespace(ns).resource(deployment("p")).create();

    Deployment patched =
        client
            .apps()
            .deployments()
            .inNamespace(ns)
            .withName("p")
            .patch(
                PatchContext.of(PatchType.JSON_MERGE),
                "{\"spec\":{\"replicas\":4},\"metadata\":{\"labels\":{\"l\":\"1\"}}}");
    assertThat(patched.getSpec().getReplicas()).isEqualTo(4);
    assertThat(patched.getMetadata().getLabels()).containsEntry("l", "1");
    assertThat(patched.getMetadata().getGeneration()).isEqualTo(2L);

    Deployment status =
        client
            .apps()
            .deployments()
            .inNamespace(ns)
            .resource(
                new DeploymentBuilder(patched)
                    .withStatus(new DeploymentStatusBuilder().withAvailableReplicas(4).build())
                    .build())
            .patchStatus();
    assertThat(status.getStatus().getAvailableReplicas()).isEqualTo(4);
    assertThat(status.getMetadata().getGeneration()).isEqualTo(2L);
  }

  @Test
  void unsupportedPatchTypesAre415AndWrongMethodsAre405() throws Exception {
    client.configMaps().inNamespace(ns).resource(configMap("u", Map.of())).create();

    HttpResponse<String> patch =
        cluster.send(
            cluster
                .request("/api/v1/namespaces/" + ns + "/configmaps/u")
                .header("Content-Type", "text/plain")
                .method("PATCH", HttpRequest.BodyPublishers.ofString("{}"))
                .build());
    assertThat(patch.statusCode()).isEqualTo(415);
    assertThat(JSON.readTree(patch.body()).path("reason").asText())
        .isEqualTo("UnsupportedMediaType");

    HttpResponse<String> post =
        cluster.send(
            cluster
                .request("/api/v1/namespaces/" + ns + "/configmaps/u")
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString("{}"))
                .build());
    assertThat(post.statusCode()).isEqualTo(405);
    assertThat(JSON.readTree(post.body()).path("reason").asText()).isEqualTo("MethodNotAllowed");

    HttpResponse<String> malformed =
        cluster.send(
            cluster
                .request("/api/v1/namespaces/" + ns + "/configmaps")
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString("{\"metadata\":"))
                .build());
    assertThat(malformed.statusCode()).isEqualTo(400);
    assertThat(JSON.readTree(malformed.body()).path("reason").asText()).isEqualTo("BadRequest");
  }

  @Test
  void listsSelectByLabelsIncludingSetsAndByFields() {
    client
        .configMaps()
        .inNamespace(ns)
        .resource(configMap("web", Map.of("app", "web", "tier", "front")))
        .create();
    client.configMaps().inNamespace(ns).resource(configMap("db", Map.of("app", "db"))).create();
    client.configMaps().inNamespace(ns).resource(configMap("none", Map.of())).create();

    assertThat(names(client.configMaps().inNamespace(ns).withLabel("app", "web").list()))
        .containsExactly("web");
    assertThat(names(client.configMaps().inNamespace(ns).withLabelIn("app", "web", "db").list()))
        .containsExactly("db", "web");
    assertThat(names(client.configMaps().inNamespace(ns).withoutLabel("app").list()))
        .containsExactly("none");
    assertThat(
            names(
                client
                    .configMaps()
                    .inNamespace(ns)
                    .withLabelSelector("app notin (web),tier!=back")
                    .list()))
        .containsExactly("db", "none");
    assertThat(names(client.configMaps().inNamespace(ns).withField("metadata.name", "db").list()))
        .containsExactly("db");
    assertThat(
            names(client.configMaps().inAnyNamespace().withField("metadata.namespace", ns).list()))
        .containsExactly("db", "none", "web");
  }

  @Test
  void listsPageWithLimitAndContinue() {
    for (int i = 0; i < 5; i++) {
      client.configMaps().inNamespace(ns).resource(configMap("cm" + i, Map.of())).create();
    }
    List<String> seen = new ArrayList<>();
    String continueToken = null;
    int pages = 0;
    do {
      ConfigMapList page =
          client
              .configMaps()
              .inNamespace(ns)
              .list(
                  new io.fabric8.kubernetes.api.model.ListOptionsBuilder()
                      .withLimit(2L)
                      .withContinue(continueToken)
                      .build());
      seen.addAll(names(page));
      continueToken = page.getMetadata().getContinue();
      pages++;
    } while (continueToken != null && !continueToken.isEmpty());

    assertThat(seen).containsExactly("cm0", "cm1", "cm2", "cm3", "cm4");
    assertThat(pages).isEqualTo(3);
  }

  @Test
  void finalizersKeepADeletedObjectUntilTheyAreRemoved() {
    ConfigMap held = configMap("held", Map.of());
    held.getMetadata().setFinalizers(List.of("example.com/hold"));
    client.configMaps().inNamespace(ns).resource(held).create();

    client.configMaps().inNamespace(ns).withName("held").delete();

    ConfigMap marked = client.configMaps().inNamespace(ns).withName("held").get();
    assertThat(marked).isNotNull();
    assertThat(marked.getMetadata().getDeletionTimestamp()).isNotEmpty();

    client
        .configMaps()
        .inNamespace(ns)
        .resource(
            new ConfigMapBuilder(marked)
                .editMetadata()
                .withFinalizers(List.of())
                .endMetadata()
                .build())
        .update();
    assertThat(client.configMaps().inNamespace(ns).withName("held").get()).isNull();
  }

  @Test
  void deleteRemovesAnObjectWithoutFinalizers() {
    client.configMaps().inNamespace(ns).resource(configMap("gone", Map.of())).create();

    assertThat(client.configMaps().inNamespace(ns).withName("gone").delete()).hasSize(1);

    assertThat(client.configMaps().inNamespace(ns).withName("gone").get()).isNull();
  }

  @Test
  void deletingANamespaceDeletesItsContents() {
    client.configMaps().inNamespace(ns).resource(configMap("inside", Map.of())).create();
    client.apps().deployments().inNamespace(ns).resource(deployment("inside")).create();
    assertThat(client.serviceAccounts().inNamespace(ns).withName("default").get()).isNotNull();

    client.namespaces().withName(ns).delete();

    Awaitility.await()
        .atMost(Duration.ofSeconds(10))
        .until(() -> client.namespaces().withName(ns).get() == null);
    assertThat(client.configMaps().inNamespace(ns).list().getItems()).isEmpty();
    assertThat(client.apps().deployments().inNamespace(ns).list().getItems()).isEmpty();
    assertThat(client.serviceAccounts().inNamespace(ns).list().getItems()).isEmpty();
  }

  @Test
  void aNamespaceWaitsForObjectsHeldByFinalizers() {
    ConfigMap held = configMap("held", Map.of());
    held.getMetadata().setFinalizers(List.of("example.com/hold"));
    client.configMaps().inNamespace(ns).resource(held).create();

    client.namespaces().withName(ns).delete();

    var terminating = client.namespaces().withName(ns).get();
    assertThat(terminating.getStatus().getPhase()).isEqualTo("Terminating");
    KubernetesClientException refused =
        catchClient(
            () ->
                client.configMaps().inNamespace(ns).resource(configMap("late", Map.of())).create());
    assertThat(refused.getCode()).isEqualTo(403);

    ConfigMap marked = client.configMaps().inNamespace(ns).withName("held").get();
    client
        .configMaps()
        .inNamespace(ns)
        .resource(
            new ConfigMapBuilder(marked)
                .editMetadata()
                .withFinalizers(List.of())
                .endMetadata()
                .build())
        .update();

    assertThat(client.namespaces().withName(ns).get()).isNull();
  }

  @Test
  void newPodsArePendingAndTheirLogsWaitForAContainer() throws Exception {
    var pod =
        client
            .pods()
            .inNamespace(ns)
            .resource(
                new io.fabric8.kubernetes.api.model.PodBuilder()
                    .withNewMetadata()
                    .withName("busybox")
                    .endMetadata()
                    .withNewSpec()
                    .addNewContainer()
                    .withName("busybox")
                    .withImage("busybox")
                    .endContainer()
                    .endSpec()
                    .withNewStatus()
                    .withPhase("Running")
                    .endStatus()
                    .build())
            .create();
    assertThat(pod.getStatus().getPhase()).isEqualTo("Pending");

    HttpResponse<String> log =
        cluster.get("/api/v1/namespaces/" + ns + "/pods/busybox/log?container=busybox");
    assertThat(log.statusCode()).isEqualTo(400);
    assertThat(JSON.readTree(log.body()).path("message").asText())
        .isEqualTo(
            "container \"busybox\" in pod \"busybox\" is waiting to start: ContainerCreating");
    assertThat(cluster.get("/api/v1/namespaces/" + ns + "/pods/nope/log").statusCode())
        .isEqualTo(404);
  }

  @Test
  void theScaleSubresourceReadsAndSetsReplicas() throws Exception {
    client.apps().deployments().inNamespace(ns).resource(deployment("s")).create();

    Deployment scaled = client.apps().deployments().inNamespace(ns).withName("s").scale(3);
    assertThat(scaled.getSpec().getReplicas()).isEqualTo(3);

    HttpResponse<String> patched =
        cluster.send(
            cluster
                .request("/apis/apps/v1/namespaces/" + ns + "/deployments/s/scale")
                .header("Content-Type", "application/merge-patch+json")
                .method("PATCH", HttpRequest.BodyPublishers.ofString("{\"spec\":{\"replicas\":5}}"))
                .build());
    assertThat(patched.statusCode()).isEqualTo(200);
    JsonNode scale = JSON.readTree(patched.body());
    assertThat(scale.path("kind").asText()).isEqualTo("Scale");
    assertThat(scale.path("apiVersion").asText()).isEqualTo("autoscaling/v1");
    assertThat(scale.path("spec").path("replicas").asInt()).isEqualTo(5);
    assertThat(scale.path("status").path("selector").asText()).isEqualTo("app=s");
    Deployment after = client.apps().deployments().inNamespace(ns).withName("s").get();
    assertThat(after.getSpec().getReplicas()).isEqualTo(5);
    assertThat(after.getMetadata().getGeneration()).isEqualTo(3L);
  }

  @Test
  void fabric8EditSendsAJsonPatchAndServerSideApplyCreatesThenUpdates() {
    client.apps().deployments().inNamespace(ns).resource(deployment("e")).create();

    Deployment edited =
        client
            .apps()
            .deployments()
            .inNamespace(ns)
            .withName("e")
            .edit(d -> new DeploymentBuilder(d).editSpec().withReplicas(6).endSpec().build());
    assertThat(edited.getSpec().getReplicas()).isEqualTo(6);
    assertThat(edited.getMetadata().getGeneration()).isEqualTo(2L);

    ConfigMap applied =
        client
            .configMaps()
            .inNamespace(ns)
            .resource(configMap("ssa", Map.of("a", "1")))
            .serverSideApply();
    assertThat(applied.getMetadata().getUid()).isNotEmpty();
    ConfigMap reapplied =
        client
            .configMaps()
            .inNamespace(ns)
            .resource(
                new ConfigMapBuilder(configMap("ssa", Map.of("a", "2")))
                    .addToData("k2", "v2")
                    .build())
            .serverSideApply();
    assertThat(reapplied.getMetadata().getUid()).isEqualTo(applied.getMetadata().getUid());
    assertThat(reapplied.getMetadata().getLabels()).containsEntry("a", "2");
    assertThat(reapplied.getData()).containsEntry("k2", "v2");
  }

  private static List<String> names(ConfigMapList list) {
    return list.getItems().stream().map(c -> c.getMetadata().getName()).sorted().toList();
  }

  private static KubernetesClientException catchClient(Runnable action) {
    try {
      action.run();
    } catch (KubernetesClientException e) {
      return e;
    }
    throw new AssertionError("expected a KubernetesClientException");
  }
}
