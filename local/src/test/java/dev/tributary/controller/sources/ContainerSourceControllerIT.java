package dev.tributary.controller.sources;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.tributary.api.duck.CloudEventOverrides;
import dev.tributary.api.duck.Condition;
import dev.tributary.api.duck.Destination;
import dev.tributary.api.duck.KReference;
import dev.tributary.api.sources.container.ContainerSource;
import dev.tributary.api.sources.container.ContainerSourceSpec;
import dev.tributary.api.sources.sinkbinding.SinkBinding;
import dev.tributary.api.tracker.Reference;
import dev.tributary.runtime.RecordingLogSink;
import io.fabric8.kubernetes.api.model.ObjectMetaBuilder;
import io.fabric8.kubernetes.api.model.PodTemplateSpecBuilder;
import io.fabric8.kubernetes.api.model.ServiceBuilder;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The eventing-controller reconciles ContainerSources: {@code <name>-sinkbinding} and {@code
 * <name>-deployment} as upstream builds them, and Ready once the binding is Ready and the
 * Deployment available (the test plays the SinkBinding reconciler and the kubelet).
 */
class ContainerSourceControllerIT {

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

  static ContainerSource get(String name) {
    return cluster.get(ContainerSource.class, name);
  }

  static Optional<Condition> condition(String name, String type) {
    ContainerSource source = get(name);
    return SourcesCluster.condition(source == null ? null : source.getStatus(), type);
  }

  static SinkBinding binding(String name) {
    return cluster.get(SinkBinding.class, name);
  }

  static Deployment deployment(String name) {
    return cluster.get(Deployment.class, name);
  }

  @Test
  void createsItsBindingAndDeploymentAndTurnsReadyFromBoth() {
    ContainerSource source = new ContainerSource();
    source.setMetadata(
        new ObjectMetaBuilder()
            .withNamespace(SourcesCluster.NAMESPACE)
            .withName("heartbeats")
            .build());
    source.setSpec(
        new ContainerSourceSpec(
            Destination.ofRef(KReference.of("v1", "Service", null, "event-display")),
            new CloudEventOverrides(Map.of("hello", "world")),
            new PodTemplateSpecBuilder()
                .withNewMetadata()
                .addToLabels("app", "heartbeats")
                .endMetadata()
                .withNewSpec()
                .addNewContainer()
                .withImage("gcr.io/knative-releases/knative.dev/eventing/cmd/heartbeats")
                .withArgs("--period=1")
                .endContainer()
                .endSpec()
                .build(),
            null));
    cluster.admin.resource(source).create();

    await()
        .atMost(Duration.ofSeconds(60))
        .until(
            () ->
                binding("heartbeats-sinkbinding") != null
                    && deployment("heartbeats-deployment") != null);
    ContainerSource created = get("heartbeats");
    SinkBinding sinkBinding = binding("heartbeats-sinkbinding");
    assertThat(sinkBinding.getSpec().subject())
        .isEqualTo(
            Reference.byName(
                "apps/v1", "Deployment", SourcesCluster.NAMESPACE, "heartbeats-deployment"));
    assertThat(sinkBinding.getSpec().sink()).isEqualTo(created.getSpec().sink());
    assertThat(sinkBinding.getSpec().ceOverrides().extensions()).containsEntry("hello", "world");
    assertThat(sinkBinding.getMetadata().getOwnerReferences())
        .singleElement()
        .satisfies(ref -> assertThat(ref.getUid()).isEqualTo(created.getMetadata().getUid()));

    Deployment deployment = deployment("heartbeats-deployment");
    Map<String, String> labels =
        Map.of(
            "app", "heartbeats",
            "sources.knative.dev/source", "container-source-controller",
            "sources.knative.dev/containerSource", "heartbeats");
    assertThat(deployment.getMetadata().getLabels()).containsAllEntriesOf(labels);
    assertThat(deployment.getSpec().getSelector().getMatchLabels()).isEqualTo(labels);
    assertThat(deployment.getSpec().getTemplate().getMetadata().getLabels()).isEqualTo(labels);
    assertThat(deployment.getSpec().getTemplate().getSpec().getContainers())
        .singleElement()
        .satisfies(c -> assertThat(c.getName()).isEqualTo("heartbeats-0"));
    await()
        .atMost(Duration.ofSeconds(30))
        .until(
            () ->
                cluster.hasEvent(
                        SourcesCluster.NAMESPACE,
                        "heartbeats",
                        "ContainerSourceSinkBindingCreated",
                        "SinkBinding created \"heartbeats-sinkbinding\"")
                    && cluster.hasEvent(
                        SourcesCluster.NAMESPACE,
                        "heartbeats",
                        "ContainerSourceDeploymentCreated",
                        "Deployment created \"heartbeats-deployment\"")
                    && cluster.hasEvent(
                        SourcesCluster.NAMESPACE,
                        "heartbeats",
                        "ContainerSourceReconciled",
                        "ContainerSource reconciled: \"sources/heartbeats\""));
    await()
        .atMost(Duration.ofSeconds(30))
        .until(
            () ->
                condition("heartbeats", "ReceiveAdapterReady")
                    .map(c -> c.reason().equals("DeploymentUnavailable"))
                    .orElse(false));
    assertThat(condition("heartbeats", "Ready").orElseThrow().isTrue()).isFalse();

    // The sink appears: the SinkBinding reconciler (in the same controller) resolves it and binds
    // the Deployment; then the Deployment becomes available, as the kubelet would make it.
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
    await()
        .atMost(Duration.ofSeconds(60))
        .until(
            () ->
                deployment("heartbeats-deployment")
                    .getSpec()
                    .getTemplate()
                    .getSpec()
                    .getContainers()
                    .get(0)
                    .getEnv()
                    .stream()
                    .anyMatch(
                        e ->
                            e.getName().equals("K_SINK")
                                && "http://event-display.sources.svc.cluster.local"
                                    .equals(e.getValue())));
    cluster.markAvailable(SourcesCluster.NAMESPACE, "heartbeats-deployment");

    await()
        .atMost(Duration.ofSeconds(60))
        .until(() -> condition("heartbeats", "Ready").map(Condition::isTrue).orElse(false));
    assertThat(get("heartbeats").getStatus().getSinkUri())
        .isEqualTo("http://event-display.sources.svc.cluster.local");
    assertThat(condition("heartbeats", "SinkBindingReady").orElseThrow().isTrue()).isTrue();
    assertThat(condition("heartbeats", "ReceiveAdapterReady").orElseThrow().isTrue()).isTrue();
    // Neither reconciler undoes the other's work: the binding's injection is the only change to
    // the Deployment after it was created, and the binding was never rewritten.
    assertThat(deployment("heartbeats-deployment").getMetadata().getGeneration()).isEqualTo(2L);
    assertThat(binding("heartbeats-sinkbinding").getMetadata().getGeneration()).isEqualTo(1L);
  }
}
