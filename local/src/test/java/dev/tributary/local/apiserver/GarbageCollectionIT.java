package dev.tributary.local.apiserver;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.fabric8.kubernetes.api.model.ConfigMap;
import io.fabric8.kubernetes.api.model.ConfigMapBuilder;
import io.fabric8.kubernetes.api.model.DeletionPropagation;
import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.api.model.GenericKubernetesResourceBuilder;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.NamespaceBuilder;
import io.fabric8.kubernetes.api.model.OwnerReference;
import io.fabric8.kubernetes.api.model.OwnerReferenceBuilder;
import io.fabric8.kubernetes.api.model.PodBuilder;
import io.fabric8.kubernetes.api.model.apiextensions.v1.CustomResourceDefinitionBuilder;
import io.fabric8.kubernetes.api.model.apps.DeploymentBuilder;
import io.fabric8.kubernetes.api.model.apps.ReplicaSetBuilder;
import io.fabric8.kubernetes.api.model.rbac.ClusterRoleBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientException;
import io.fabric8.kubernetes.client.dsl.base.ResourceDefinitionContext;
import java.io.File;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import org.awaitility.Awaitility;
import org.awaitility.core.ConditionFactory;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** ownerReference garbage collection and namespace deletion, through fabric8 as users drive it. */
class GarbageCollectionIT {

  private static final String GROUP = "gc.tributary.dev";
  private static final String HOLD = "example.com/hold";

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
    ns = "gc-" + UUID.randomUUID().toString().substring(0, 8);
    client
        .namespaces()
        .resource(new NamespaceBuilder().withNewMetadata().withName(ns).endMetadata().build())
        .create();
  }

  private static ConditionFactory await() {
    return Awaitility.await().atMost(Duration.ofSeconds(15));
  }

  private static OwnerReference ref(HasMetadata owner, boolean block) {
    return new OwnerReferenceBuilder()
        .withApiVersion(owner.getApiVersion())
        .withKind(owner.getKind())
        .withName(owner.getMetadata().getName())
        .withUid(owner.getMetadata().getUid())
        .withBlockOwnerDeletion(block)
        .build();
  }

  private ConfigMap configMap(String name, List<String> finalizers, OwnerReference... owners) {
    return client
        .configMaps()
        .inNamespace(ns)
        .resource(
            new ConfigMapBuilder()
                .withNewMetadata()
                .withName(name)
                .withFinalizers(finalizers)
                .withOwnerReferences(Arrays.asList(owners))
                .endMetadata()
                .withData(Map.of("k", "v"))
                .build())
        .create();
  }

  private ConfigMap configMap(String name, OwnerReference... owners) {
    return configMap(name, List.of(), owners);
  }

  private ConfigMap get(String name) {
    return client.configMaps().inNamespace(ns).withName(name).get();
  }

  private boolean gone(String name) {
    return get(name) == null;
  }

  private void release(String name) {
    client
        .configMaps()
        .inNamespace(ns)
        .withName(name)
        .edit(
            cm -> {
              cm.getMetadata().setFinalizers(new ArrayList<>());
              return cm;
            });
  }

  private void delete(String name, DeletionPropagation policy) {
    client.configMaps().inNamespace(ns).withName(name).withPropagationPolicy(policy).delete();
  }

  @Test
  void backgroundRemovesTheOwnerAtOnceAndItsDependentsAfterwards() {
    ConfigMap owner = configMap("owner");
    configMap("one", ref(owner, false));
    configMap("two", ref(owner, true));
    configMap("bystander");

    delete("owner", DeletionPropagation.BACKGROUND);

    assertThat(gone("owner")).isTrue();
    await().until(() -> gone("one") && gone("two"));
    assertThat(get("bystander")).isNotNull();
  }

  @Test
  void chainsAreCollectedRecursively() {
    ConfigMap a = configMap("a");
    ConfigMap b = configMap("b", ref(a, false));
    configMap("c", ref(b, false));

    client.configMaps().inNamespace(ns).withName("a").delete();

    await().until(() -> gone("b") && gone("c"));
  }

  @Test
  void aDependentWithAnotherLiveOwnerSurvivesAndLosesOnlyTheDanglingReference() {
    ConfigMap first = configMap("first");
    ConfigMap second = configMap("second");
    configMap("shared", ref(first, true), ref(second, false));

    delete("first", DeletionPropagation.BACKGROUND);

    await()
        .until(
            () ->
                get("shared").getMetadata().getOwnerReferences().stream()
                    .map(OwnerReference::getUid)
                    .toList()
                    .equals(List.of(second.getMetadata().getUid())));
    delete("second", DeletionPropagation.BACKGROUND);
    await().until(() -> gone("shared"));
  }

  @Test
  void foregroundKeepsTheOwnerUntilItsBlockingDependentsAreGone() {
    ConfigMap owner = configMap("owner");
    configMap("blocking", List.of(HOLD), ref(owner, true));
    configMap("free", ref(owner, false));

    delete("owner", DeletionPropagation.FOREGROUND);

    ConfigMap marked = get("owner");
    assertThat(marked.getMetadata().getDeletionTimestamp()).isNotNull();
    assertThat(marked.getMetadata().getFinalizers()).containsExactly("foregroundDeletion");
    await().until(() -> gone("free"));
    await().until(() -> get("blocking").getMetadata().getDeletionTimestamp() != null);
    assertThat(get("owner")).isNotNull();

    release("blocking");

    await().until(() -> gone("blocking") && gone("owner"));
  }

  @Test
  void foregroundWithoutBlockingDependentsRemovesTheOwner() {
    ConfigMap owner = configMap("owner");
    configMap("held", List.of(HOLD), ref(owner, false));

    delete("owner", DeletionPropagation.FOREGROUND);

    await().until(() -> gone("owner"));
    assertThat(get("held").getMetadata().getDeletionTimestamp()).isNotNull();
    release("held");
    await().until(() -> gone("held"));
  }

  @Test
  void foregroundWaitsDownAChain() {
    ConfigMap a = configMap("a");
    ConfigMap b = configMap("b", ref(a, true));
    configMap("c", List.of(HOLD), ref(b, true));

    delete("a", DeletionPropagation.FOREGROUND);

    await()
        .until(
            () -> {
              ConfigMap middle = get("b");
              return middle.getMetadata().getDeletionTimestamp() != null
                  && middle.getMetadata().getFinalizers().contains("foregroundDeletion");
            });
    await().until(() -> get("c").getMetadata().getDeletionTimestamp() != null);
    assertThat(get("a")).isNotNull();

    release("c");

    await().until(() -> gone("c") && gone("b") && gone("a"));
  }

  @Test
  void orphanStripsTheReferencesAndKeepsTheDependents() {
    ConfigMap owner = configMap("owner");
    ConfigMap other = configMap("other");
    configMap("one", ref(owner, true));
    configMap("two", ref(owner, false), ref(other, false));

    delete("owner", DeletionPropagation.ORPHAN);

    await().until(() -> gone("owner"));
    assertThat(get("one").getMetadata().getOwnerReferences()).isEmpty();
    assertThat(get("two").getMetadata().getOwnerReferences())
        .extracting(OwnerReference::getUid)
        .containsExactly(other.getMetadata().getUid());
  }

  @Test
  void theLegacyOrphanDependentsOptionOrphans() throws Exception {
    ConfigMap owner = configMap("owner");
    configMap("kept", ref(owner, false));

    HttpResponse<String> response =
        cluster.send(
            cluster
                .request("/api/v1/namespaces/" + ns + "/configmaps/owner")
                .header("Content-Type", "application/json")
                .method(
                    "DELETE",
                    HttpRequest.BodyPublishers.ofString(
                        "{\"kind\":\"DeleteOptions\",\"apiVersion\":\"v1\","
                            + "\"orphanDependents\":true}"))
                .build());

    assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
    await().until(() -> gone("owner"));
    assertThat(get("kept").getMetadata().getOwnerReferences()).isEmpty();
  }

  @Test
  void aDeploymentTakesItsReplicaSetAndPodsAlong() {
    var deployment =
        client
            .apps()
            .deployments()
            .inNamespace(ns)
            .resource(
                new DeploymentBuilder()
                    .withNewMetadata()
                    .withName("web")
                    .endMetadata()
                    .withNewSpec()
                    .withNewSelector()
                    .addToMatchLabels("app", "web")
                    .endSelector()
                    .withNewTemplate()
                    .withNewMetadata()
                    .addToLabels("app", "web")
                    .endMetadata()
                    .withNewSpec()
                    .addNewContainer()
                    .withName("app")
                    .withImage("example/web")
                    .endContainer()
                    .endSpec()
                    .endTemplate()
                    .endSpec()
                    .build())
            .create();
    var replicaSet =
        client
            .apps()
            .replicaSets()
            .inNamespace(ns)
            .resource(
                new ReplicaSetBuilder()
                    .withNewMetadata()
                    .withName("web-1")
                    .withOwnerReferences(ref(deployment, true))
                    .endMetadata()
                    .withNewSpec()
                    .withNewSelector()
                    .addToMatchLabels("app", "web")
                    .endSelector()
                    .withTemplate(deployment.getSpec().getTemplate())
                    .endSpec()
                    .build())
            .create();
    client
        .pods()
        .inNamespace(ns)
        .resource(
            new PodBuilder()
                .withNewMetadata()
                .withName("web-1-a")
                .withOwnerReferences(ref(replicaSet, true))
                .endMetadata()
                .withNewSpec()
                .addNewContainer()
                .withName("app")
                .withImage("example/web")
                .endContainer()
                .endSpec()
                .build())
        .create();

    client
        .apps()
        .deployments()
        .inNamespace(ns)
        .withName("web")
        .withPropagationPolicy(DeletionPropagation.FOREGROUND)
        .delete();

    await()
        .until(
            () ->
                client.apps().deployments().inNamespace(ns).withName("web").get() == null
                    && client.apps().replicaSets().inNamespace(ns).withName("web-1").get() == null
                    && client.pods().inNamespace(ns).withName("web-1-a").get() == null);
  }

  @Test
  void aClusterScopedOwnerCollectsNamespacedDependents() {
    var role =
        client
            .rbac()
            .clusterRoles()
            .resource(
                new ClusterRoleBuilder()
                    .withNewMetadata()
                    .withName("owner-of-" + ns)
                    .endMetadata()
                    .build())
            .create();
    configMap("owned", ref(role, false));

    client.rbac().clusterRoles().withName("owner-of-" + ns).delete();

    await().until(() -> gone("owned"));
  }

  @Test
  void aDependentCreatedForAnOwnerThatDoesNotExistIsCollected() {
    ConfigMap ghost = configMap("ghost");
    ghost.getMetadata().setUid(UUID.randomUUID().toString());

    configMap("orphaned", ref(ghost, false));

    await().until(() -> gone("orphaned"));
    assertThat(get("ghost")).isNotNull();
  }

  @Test
  void deletingANamespaceDeletesEveryKindAndWaitsForFinalizers() {
    String plural = "gadgets" + ns.substring(3);
    client
        .apiextensions()
        .v1()
        .customResourceDefinitions()
        .resource(
            new CustomResourceDefinitionBuilder()
                .withNewMetadata()
                .withName(plural + "." + GROUP)
                .endMetadata()
                .withNewSpec()
                .withGroup(GROUP)
                .withScope("Namespaced")
                .withNewNames()
                .withKind("Gadget")
                .withPlural(plural)
                .withSingular(plural.substring(0, plural.length() - 1))
                .endNames()
                .addNewVersion()
                .withName("v1")
                .withServed(true)
                .withStorage(true)
                .withNewSchema()
                .withNewOpenAPIV3Schema()
                .withType("object")
                .withXKubernetesPreserveUnknownFields(true)
                .endOpenAPIV3Schema()
                .endSchema()
                .endVersion()
                .endSpec()
                .build())
        .create();
    ResourceDefinitionContext gadgets =
        new ResourceDefinitionContext.Builder()
            .withGroup(GROUP)
            .withVersion("v1")
            .withKind("Gadget")
            .withPlural(plural)
            .withNamespaced(true)
            .build();
    GenericKubernetesResource gadget =
        new GenericKubernetesResourceBuilder()
            .withApiVersion(GROUP + "/v1")
            .withKind("Gadget")
            .withNewMetadata()
            .withName("held")
            .withNamespace(ns)
            .withFinalizers(HOLD)
            .endMetadata()
            .withAdditionalProperties(Map.of("spec", Map.of("size", 1)))
            .build();
    await()
        .ignoreExceptions()
        .until(
            () ->
                client.genericKubernetesResources(gadgets).inNamespace(ns).resource(gadget).create()
                    != null);
    client
        .genericKubernetesResources(gadgets)
        .inNamespace(ns)
        .resource(
            new GenericKubernetesResourceBuilder(gadget)
                .editMetadata()
                .withName("free")
                .withFinalizers(List.of())
                .endMetadata()
                .build())
        .create();
    configMap("plain");

    client.namespaces().withName(ns).delete();

    var terminating = client.namespaces().withName(ns).get();
    assertThat(terminating.getStatus().getPhase()).isEqualTo("Terminating");
    KubernetesClientException refused =
        catchThrowableOfType(KubernetesClientException.class, () -> configMap("late"));
    assertThat(refused.getCode()).isEqualTo(403);
    assertThat(refused.getStatus().getMessage())
        .isEqualTo(
            "configmaps \"late\" is forbidden: unable to create new content in namespace "
                + ns
                + " because it is being terminated");
    assertThat(gone("plain")).isTrue();
    assertThat(client.genericKubernetesResources(gadgets).inNamespace(ns).withName("free").get())
        .isNull();
    assertThat(
            client
                .genericKubernetesResources(gadgets)
                .inNamespace(ns)
                .withName("held")
                .get()
                .getMetadata()
                .getDeletionTimestamp())
        .isNotNull();

    client
        .genericKubernetesResources(gadgets)
        .inNamespace(ns)
        .withName("held")
        .edit(
            g -> {
              g.getMetadata().setFinalizers(new ArrayList<>());
              return g;
            });

    await().until(() -> client.namespaces().withName(ns).get() == null);
  }

  @Test
  void kubectlCascadeForegroundAndOrphan() throws Exception {
    assumeTrue(onPath("kubectl"), "kubectl is not installed");
    ConfigMap owner = configMap("owner");
    configMap("blocking", ref(owner, true));
    ConfigMap orphanOwner = configMap("orphan-owner");
    configMap("orphan", ref(orphanOwner, true));

    String foreground = kubectl("delete", "cm", "owner", "--cascade=foreground");
    String orphan = kubectl("delete", "cm", "orphan-owner", "--cascade=orphan");

    assertThat(foreground).contains("configmap \"owner\" deleted");
    assertThat(orphan).contains("configmap \"orphan-owner\" deleted");
    assertThat(gone("owner")).isTrue();
    assertThat(gone("orphan-owner")).isTrue();
    await().until(() -> gone("blocking"));
    assertThat(get("orphan").getMetadata().getOwnerReferences()).isEmpty();
  }

  /** Runs kubectl in the test's namespace; its output, once it exited 0. */
  private String kubectl(String... args) throws Exception {
    List<String> command = new ArrayList<>(List.of("kubectl", "-n", ns));
    command.addAll(Arrays.asList(args));
    ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true);
    builder.environment().put("HOME", Files.createDirectories(temp.resolve("home")).toString());
    builder.environment().put("KUBECONFIG", cluster.kubeconfig.toString());
    Process process = builder.start();
    process.getOutputStream().close();
    String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    assertThat(process.waitFor(60, TimeUnit.SECONDS)).isTrue();
    assertThat(process.exitValue()).as(output).isZero();
    return output;
  }

  private static boolean onPath(String program) {
    String path = System.getenv("PATH");
    return path != null
        && Arrays.stream(path.split(File.pathSeparator))
            .anyMatch(d -> Files.isExecutable(Path.of(d, program)));
  }
}
