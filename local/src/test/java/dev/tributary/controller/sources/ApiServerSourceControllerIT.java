package dev.tributary.controller.sources;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.tributary.api.duck.CloudEventAttributes;
import dev.tributary.api.duck.Condition;
import dev.tributary.api.duck.Destination;
import dev.tributary.api.duck.KReference;
import dev.tributary.api.sources.apiserver.ApiServerSource;
import dev.tributary.api.sources.apiserver.ApiServerSourceSpec;
import dev.tributary.api.sources.apiserver.ApiVersionKindSelector;
import dev.tributary.runtime.RecordingLogSink;
import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.EnvVar;
import io.fabric8.kubernetes.api.model.LabelSelectorBuilder;
import io.fabric8.kubernetes.api.model.NamespaceBuilder;
import io.fabric8.kubernetes.api.model.ObjectMetaBuilder;
import io.fabric8.kubernetes.api.model.ServiceBuilder;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.rbac.ClusterRoleBindingBuilder;
import io.fabric8.kubernetes.api.model.rbac.ClusterRoleBuilder;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The eventing-controller reconciles ApiServerSources: SufficientPermissions from
 * SubjectAccessReviews (False with upstream's message, True once RBAC is added), the
 * receive-adapter Deployment as upstream builds it, Deployed from its availability, ceAttributes.
 */
class ApiServerSourceControllerIT {

  @TempDir static Path temp;
  static SourcesCluster cluster;

  @BeforeAll
  static void start() throws Exception {
    cluster = SourcesCluster.start(temp.resolve("cluster"));
    cluster
        .admin
        .services()
        .inNamespace(SourcesCluster.NAMESPACE)
        .resource(
            new ServiceBuilder()
                .withNewMetadata()
                .withName("event-display")
                .endMetadata()
                .withNewSpec()
                .addNewPort()
                .withPort(80)
                .endPort()
                .endSpec()
                .build())
        .create();
    cluster.startController("controller-a", new RecordingLogSink());
  }

  @AfterAll
  static void stop() throws Exception {
    if (cluster != null) {
      cluster.close();
    }
  }

  static ApiServerSource get(String name) {
    return cluster.get(ApiServerSource.class, name);
  }

  static Optional<Condition> condition(String name, String type) {
    ApiServerSource source = get(name);
    return SourcesCluster.condition(source == null ? null : source.getStatus(), type);
  }

  static List<Deployment> adapters(String sourceName) {
    return cluster
        .admin
        .apps()
        .deployments()
        .inNamespace(SourcesCluster.NAMESPACE)
        .withLabel("eventing.knative.dev/sourceName", sourceName)
        .list()
        .getItems();
  }

  @Test
  void permissionsGateTheAdapterUntilRbacIsAddedThenTheSourceTurnsReady() {
    ApiServerSource source = new ApiServerSource();
    source.setMetadata(
        new ObjectMetaBuilder().withNamespace(SourcesCluster.NAMESPACE).withName("events").build());
    source.setSpec(
        new ApiServerSourceSpec(
            Destination.ofRef(KReference.of("v1", "Service", null, "event-display")),
            null,
            List.of(ApiVersionKindSelector.of("v1", "Event")),
            null,
            "Resource",
            "events-sa",
            null,
            null,
            null));
    cluster.admin.resource(source).create();

    String message =
        "User system:serviceaccount:sources:events-sa cannot get, list, watch resource \"events\""
            + " in API group \"\" in Namespace \"sources\"";
    await()
        .atMost(Duration.ofSeconds(60))
        .until(
            () ->
                condition("events", "SufficientPermissions")
                    .map(c -> c.isFalse() && c.message().equals(message))
                    .orElse(false));
    assertThat(condition("events", "SufficientPermissions").orElseThrow().reason()).isEmpty();
    assertThat(condition("events", "Ready").orElseThrow().isFalse()).isTrue();
    assertThat(get("events").getStatus().getSinkUri())
        .isEqualTo("http://event-display.sources.svc.cluster.local");
    assertThat(get("events").getStatus().getNamespaces()).containsExactly("sources");
    assertThat(adapters("events")).isEmpty();

    cluster
        .admin
        .rbac()
        .clusterRoles()
        .resource(
            new ClusterRoleBuilder()
                .withNewMetadata()
                .withName("event-watcher")
                .endMetadata()
                .addNewRule()
                .withApiGroups("")
                .withResources("events")
                .withVerbs("get", "list", "watch")
                .endRule()
                .build())
        .create();
    cluster
        .admin
        .rbac()
        .clusterRoleBindings()
        .resource(
            new ClusterRoleBindingBuilder()
                .withNewMetadata()
                .withName("events-sa-watches")
                .endMetadata()
                .withNewRoleRef()
                .withApiGroup("rbac.authorization.k8s.io")
                .withKind("ClusterRole")
                .withName("event-watcher")
                .endRoleRef()
                .addNewSubject()
                .withKind("ServiceAccount")
                .withName("events-sa")
                .withNamespace(SourcesCluster.NAMESPACE)
                .endSubject()
                .build())
        .create();

    await()
        .atMost(Duration.ofSeconds(60))
        .until(
            () ->
                condition("events", "SufficientPermissions").map(Condition::isTrue).orElse(false));
    await().atMost(Duration.ofSeconds(30)).until(() -> adapters("events").size() == 1);
    ApiServerSource created = get("events");
    Deployment adapter = adapters("events").get(0);
    assertThat(adapter.getMetadata().getName())
        .isEqualTo("apiserversource-events-" + created.getMetadata().getUid());
    assertThat(adapter.getMetadata().getLabels())
        .containsEntry("eventing.knative.dev/source", "apiserver-source-controller")
        .containsEntry("eventing.knative.dev/sourceName", "events");
    assertThat(adapter.getMetadata().getOwnerReferences())
        .singleElement()
        .satisfies(
            ref -> {
              assertThat(ref.getUid()).isEqualTo(created.getMetadata().getUid());
              assertThat(ref.getController()).isTrue();
              assertThat(ref.getKind()).isEqualTo("ApiServerSource");
            });
    assertThat(adapter.getSpec().getTemplate().getSpec().getServiceAccountName())
        .isEqualTo("events-sa");
    Container container = adapter.getSpec().getTemplate().getSpec().getContainers().get(0);
    assertThat(container.getName()).isEqualTo("receive-adapter");
    assertThat(container.getImage()).isEqualTo(SourcesCluster.RA_IMAGE);
    Map<String, String> env =
        container.getEnv().stream()
            .filter(e -> e.getValue() != null)
            .collect(Collectors.toMap(EnvVar::getName, EnvVar::getValue));
    assertThat(env)
        .containsEntry("K_SINK", "http://event-display.sources.svc.cluster.local")
        .containsEntry(
            "K_SOURCE_CONFIG",
            "{\"namespaces\":[\"sources\"],\"allNamespaces\":false,\"resources\":[{\"gvr\":"
                + "{\"Group\":\"\",\"Version\":\"v1\",\"Resource\":\"events\"}}],"
                + "\"mode\":\"Resource\"}")
        .containsEntry("SYSTEM_NAMESPACE", SourcesCluster.SYSTEM_NAMESPACE)
        .containsEntry("NAME", "events")
        .containsEntry("METRICS_DOMAIN", "knative.dev/eventing");
    await()
        .atMost(Duration.ofSeconds(30))
        .until(
            () ->
                cluster.hasEvent(
                    SourcesCluster.NAMESPACE,
                    "events",
                    "ApiServerSourceDeploymentCreated",
                    "Deployment created"));
    assertThat(
            cluster.events(SourcesCluster.NAMESPACE, "events").stream()
                .anyMatch(
                    e ->
                        e.getReason().equals("InternalError")
                            && e.getMessage().equals("insufficient permissions: " + message)))
        .isTrue();

    cluster.markAvailable(SourcesCluster.NAMESPACE, adapter.getMetadata().getName());
    await()
        .atMost(Duration.ofSeconds(60))
        .until(() -> condition("events", "Ready").map(Condition::isTrue).orElse(false));
    List<CloudEventAttributes> ceAttributes = get("events").getStatus().getCeAttributes();
    assertThat(ceAttributes)
        .extracting(CloudEventAttributes::type)
        .containsExactly(
            "dev.knative.apiserver.resource.add",
            "dev.knative.apiserver.resource.delete",
            "dev.knative.apiserver.resource.update");
    assertThat(ceAttributes.get(0).source()).startsWith("https://127.0.0.1:").doesNotEndWith("/");
    assertThat(adapters("events").get(0).getMetadata().getGeneration())
        .as("idempotent reconciles never rewrite the adapter")
        .isEqualTo(1L);
  }

  @Test
  void aChangedSpecUpdatesTheAdapter() {
    ApiServerSource source = new ApiServerSource();
    source.setMetadata(
        new ObjectMetaBuilder()
            .withNamespace(SourcesCluster.NAMESPACE)
            .withName("skipper")
            .addToAnnotations("features.knative.dev/apiserversource-skip-permissions-check", "true")
            .build());
    source.setSpec(
        new ApiServerSourceSpec(
            Destination.ofUri("http://sink.example/one"),
            null,
            List.of(ApiVersionKindSelector.of("v1", "ConfigMap")),
            null,
            "Reference",
            null,
            null,
            null,
            null));
    cluster.admin.resource(source).create();
    await().atMost(Duration.ofSeconds(60)).until(() -> adapters("skipper").size() == 1);
    await()
        .atMost(Duration.ofSeconds(30))
        .until(
            () ->
                condition("skipper", "SufficientPermissions").map(Condition::isTrue).orElse(false));
    assertThat(sinkOf(adapters("skipper").get(0))).isEqualTo("http://sink.example/one");
    assertThat(configOf(adapters("skipper").get(0))).endsWith("\"failFast\":true}");

    ApiServerSource live = get("skipper");
    live.setSpec(live.getSpec().withSink(Destination.ofUri("http://sink.example/two")));
    cluster.admin.resource(live).update();

    await()
        .atMost(Duration.ofSeconds(60))
        .until(() -> "http://sink.example/two".equals(sinkOf(adapters("skipper").get(0))));
    String name = adapters("skipper").get(0).getMetadata().getName();
    await()
        .atMost(Duration.ofSeconds(30))
        .until(
            () ->
                cluster.hasEvent(
                    SourcesCluster.NAMESPACE,
                    "skipper",
                    "ApiServerSourceDeploymentUpdated",
                    "Deployment \"" + name + "\" updated"));
    assertThat(adapters("skipper")).hasSize(1);
  }

  @Test
  void aNamespaceSelectorWatchesTheMatchingNamespacesAndFollowsNewOnes() {
    createNamespace("team-b", "b");
    createNamespace("team-a", "a");
    createNamespace("other", "c");
    ApiServerSource source = new ApiServerSource();
    source.setMetadata(
        new ObjectMetaBuilder()
            .withNamespace(SourcesCluster.NAMESPACE)
            .withName("teams")
            .addToAnnotations("features.knative.dev/apiserversource-skip-permissions-check", "true")
            .build());
    source.setSpec(
        new ApiServerSourceSpec(
            Destination.ofUri("http://sink.example"),
            null,
            List.of(ApiVersionKindSelector.of("v1", "Pod")),
            null,
            "Reference",
            null,
            new LabelSelectorBuilder()
                .addNewMatchExpression()
                .withKey("team")
                .withOperator("In")
                .withValues("a", "b", "d")
                .endMatchExpression()
                .build(),
            null,
            null));
    cluster.admin.resource(source).create();

    await()
        .atMost(Duration.ofSeconds(60))
        .until(() -> List.of("team-a", "team-b").equals(namespacesOf("teams")));
    await()
        .atMost(Duration.ofSeconds(30))
        .until(
            () ->
                adapters("teams").size() == 1
                    && configOf(adapters("teams").get(0))
                        .startsWith(
                            "{\"namespaces\":[\"team-a\",\"team-b\"],\"allNamespaces\":false,"));

    createNamespace("team-d", "d");
    await()
        .atMost(Duration.ofSeconds(60))
        .until(() -> List.of("team-a", "team-b", "team-d").equals(namespacesOf("teams")));
    await()
        .atMost(Duration.ofSeconds(30))
        .until(
            () ->
                configOf(adapters("teams").get(0))
                    .startsWith("{\"namespaces\":[\"team-a\",\"team-b\",\"team-d\"],"));

    cluster
        .admin
        .namespaces()
        .withName("team-b")
        .edit(
            ns -> {
              ns.getMetadata().getLabels().put("team", "c");
              return ns;
            });
    await()
        .atMost(Duration.ofSeconds(60))
        .until(() -> List.of("team-a", "team-d").equals(namespacesOf("teams")));
  }

  private static List<String> namespacesOf(String name) {
    ApiServerSource source = get(name);
    return source == null || source.getStatus() == null ? null : source.getStatus().getNamespaces();
  }

  private static void createNamespace(String name, String team) {
    cluster
        .admin
        .namespaces()
        .resource(
            new NamespaceBuilder()
                .withNewMetadata()
                .withName(name)
                .addToLabels("team", team)
                .endMetadata()
                .build())
        .create();
  }

  private static String sinkOf(Deployment deployment) {
    return envOf(deployment, "K_SINK");
  }

  private static String configOf(Deployment deployment) {
    return envOf(deployment, "K_SOURCE_CONFIG");
  }

  private static String envOf(Deployment deployment, String name) {
    return deployment.getSpec().getTemplate().getSpec().getContainers().get(0).getEnv().stream()
        .filter(e -> e.getName().equals(name))
        .map(EnvVar::getValue)
        .findFirst()
        .orElse(null);
  }
}
