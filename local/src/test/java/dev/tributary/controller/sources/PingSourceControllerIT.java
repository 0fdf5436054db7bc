package dev.tributary.controller.sources;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.tributary.api.duck.CloudEventAttributes;
import dev.tributary.api.duck.Condition;
import dev.tributary.api.duck.Destination;
import dev.tributary.api.duck.KReference;
import dev.tributary.api.sources.ping.PingSource;
import dev.tributary.api.sources.ping.PingSourceSpec;
import dev.tributary.local.apiserver.Kubectl;
import dev.tributary.runtime.RecordingLogSink;
import io.fabric8.kubernetes.api.model.EnvVar;
import io.fabric8.kubernetes.api.model.ServiceBuilder;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.io.TempDir;

/**
 * The eventing-controller program, run in-process against the local API server, reconciles
 * PingSources: sink, the shared mt-adapter Deployment (env, scale from zero, Event), Deployed from
 * its availability, Ready, {@code kubectl wait}; a sink that appears later makes the source Ready
 * without touching it.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class PingSourceControllerIT {

  @TempDir static Path temp;
  static SourcesCluster cluster;

  @BeforeAll
  static void start() throws Exception {
    cluster = SourcesCluster.start(temp.resolve("cluster"));
    cluster.startController("controller-a", new RecordingLogSink());
  }

  @AfterAll
  static void stop() throws Exception {
    if (cluster != null) {
      cluster.close();
    }
  }

  static PingSource create(String name, String sinkService) {
    PingSource source =
        PingSource.of(
            SourcesCluster.NAMESPACE,
            name,
            PingSourceSpec.of(
                    Destination.ofRef(KReference.of("v1", "Service", null, sinkService)),
                    "* * * * *")
                .withContentType("application/json")
                .withData("{\"message\":\"hello\"}"));
    return cluster.admin.resource(source).create();
  }

  static PingSource get(String name) {
    return cluster.get(PingSource.class, name);
  }

  static Optional<Condition> condition(String name, String type) {
    PingSource source = get(name);
    return SourcesCluster.condition(source == null ? null : source.getStatus(), type);
  }

  static void createService(String name) {
    cluster
        .admin
        .services()
        .inNamespace(SourcesCluster.NAMESPACE)
        .resource(
            new ServiceBuilder()
                .withNewMetadata()
                .withName(name)
                .endMetadata()
                .withNewSpec()
                .addNewPort()
                .withPort(80)
                .endPort()
                .endSpec()
                .build())
        .create();
  }

  static Deployment mtAdapter() {
    return cluster
        .admin
        .apps()
        .deployments()
        .inNamespace(SourcesCluster.SYSTEM_NAMESPACE)
        .withName("pingsource-mt-adapter")
        .get();
  }

  @Test
  @Order(1) // first: it watches the shared adapter go from unavailable to available
  void aPingSourceScalesTheSharedAdapterAndTurnsReadyOnceItIsAvailable() throws Exception {
    createService("display");
    create("x", "display");

    await()
        .atMost(Duration.ofSeconds(60))
        .until(() -> condition("x", "SinkProvided").map(Condition::isTrue).orElse(false));
    PingSource source = get("x");
    assertThat(source.getStatus().getSinkUri())
        .isEqualTo("http://display.sources.svc.cluster.local");
    assertThat(source.getStatus().getCeAttributes())
        .containsExactly(
            new CloudEventAttributes(
                "dev.knative.sources.ping", "/apis/v1/namespaces/sources/pingsources/x"));
    assertThat(source.getStatus().getObservedGeneration())
        .isEqualTo(source.getMetadata().getGeneration());
    assertThat(source.getMetadata().getFinalizers()).contains("pingsources.sources.knative.dev");
    assertThat(condition("x", "Deployed").orElseThrow().reason())
        .isEqualTo("DeploymentUnavailable");
    assertThat(condition("x", "Ready").orElseThrow().isTrue()).isFalse();

    Deployment adapter = mtAdapter();
    assertThat(adapter.getSpec().getReplicas()).isEqualTo(1);
    Map<String, EnvVar> env =
        adapter.getSpec().getTemplate().getSpec().getContainers().get(0).getEnv().stream()
            .collect(Collectors.toMap(EnvVar::getName, e -> e));
    assertThat(env.get("NAMESPACE").getValueFrom().getFieldRef().getFieldPath())
        .isEqualTo("metadata.namespace");
    assertThat(env.get("SYSTEM_NAMESPACE").getValueFrom().getFieldRef().getFieldPath())
        .isEqualTo("metadata.namespace");
    assertThat(env.get("K_SINK_TIMEOUT").getValue()).isEqualTo("7");
    assertThat(env.get("K_NO_SHUTDOWN_AFTER").getValue()).isEqualTo("55");
    assertThat(env.get("K_LEADER_ELECTION_CONFIG").getValue())
        .startsWith("{\"Component\":\"pingsource\",\"Buckets\":1,");
    assertThat(env).containsKeys("POD_NAME", "K_LOGGING_CONFIG", "K_OBSERVABILITY_CONFIG");
    await()
        .atMost(Duration.ofSeconds(30))
        .until(
            () ->
                cluster.hasEvent(
                    SourcesCluster.NAMESPACE,
                    "x",
                    "PingSourceDeploymentUpdated",
                    "PingSource adapter deployment updated"));

    cluster.markAvailable(SourcesCluster.SYSTEM_NAMESPACE, "pingsource-mt-adapter");
    await()
        .atMost(Duration.ofSeconds(60))
        .until(() -> condition("x", "Ready").map(Condition::isTrue).orElse(false));
    assertThat(condition("x", "OIDCIdentityCreated").orElseThrow().reason())
        .isEqualTo("authentication-oidc feature disabled");
    assertThat(mtAdapter().getMetadata().getGeneration())
        .as("updated once, then left alone")
        .isEqualTo(2L);

    Assumptions.assumeTrue(Kubectl.installed(), "kubectl is not installed");
    Kubectl kubectl = cluster.kubectl(temp.resolve("kubectl-home"));
    Kubectl.Result wait =
        kubectl.run(
            "wait",
            "--for=condition=Ready",
            "--timeout=30s",
            "-n",
            SourcesCluster.NAMESPACE,
            "pingsource/x");
    assertThat(wait.exitCode()).as(wait.output()).isZero();
    assertThat(wait.output()).contains("pingsource.sources.knative.dev/x condition met");
    Kubectl.Result get = kubectl.run("get", "pingsource", "-n", SourcesCluster.NAMESPACE, "x");
    assertThat(get.output())
        .contains("SINK")
        .contains("READY")
        .contains("http://display.sources.svc.cluster.local")
        .contains("True");
  }

  @Test
  void aSourceWhoseSinkServiceIsCreatedLaterBecomesReadyWithoutBeingTouched() {
    cluster.markAvailable(SourcesCluster.SYSTEM_NAMESPACE, "pingsource-mt-adapter");
    create("late", "later");

    await()
        .atMost(Duration.ofSeconds(60))
        .until(() -> condition("late", "SinkProvided").map(Condition::isFalse).orElse(false));
    assertThat(condition("late", "SinkProvided").orElseThrow().reason()).isEqualTo("NotFound");
    assertThat(condition("late", "Ready").orElseThrow().isFalse()).isTrue();
    await()
        .atMost(Duration.ofSeconds(30))
        .until(
            () ->
                cluster.hasEvent(
                    SourcesCluster.NAMESPACE,
                    "late",
                    "SinkNotFound",
                    "Sink not found: {\"ref\":{\"kind\":\"Service\",\"namespace\":\"sources\","
                        + "\"name\":\"later\",\"apiVersion\":\"v1\"}}"));
    String resourceVersion = get("late").getMetadata().getResourceVersion();
    assertThat(resourceVersion).isNotNull();

    createService("later");
    await()
        .atMost(Duration.ofSeconds(60))
        .until(() -> condition("late", "Ready").map(Condition::isTrue).orElse(false));
    assertThat(get("late").getStatus().getSinkUri())
        .isEqualTo("http://later.sources.svc.cluster.local");
    assertThat(get("late").getMetadata().getGeneration()).isEqualTo(1L);
  }

  @Test
  void deletingASourceRemovesItsFinalizerAndLetsItGo() {
    createService("gone-sink");
    create("gone", "gone-sink");
    await()
        .atMost(Duration.ofSeconds(60))
        .until(
            () -> {
              PingSource s = get("gone");
              return s != null
                  && s.getMetadata().getFinalizers() != null
                  && s.getMetadata().getFinalizers().contains("pingsources.sources.knative.dev");
            });
    cluster
        .admin
        .resources(PingSource.class)
        .inNamespace(SourcesCluster.NAMESPACE)
        .withName("gone")
        .delete();
    await().atMost(Duration.ofSeconds(60)).until(() -> get("gone") == null);
  }
}
