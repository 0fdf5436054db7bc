package dev.tributary.controller.sources;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.tributary.api.duck.Condition;
import dev.tributary.api.duck.Destination;
import dev.tributary.api.sources.ping.PingSource;
import dev.tributary.api.sources.ping.PingSourceSpec;
import dev.tributary.runtime.RecordingLogSink;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Without the shared pingsource-mt-adapter Deployment a PingSource reports the API's NotFound (as
 * upstream, Deployed stays Unknown) instead of crashing the controller, and is reconciled again as
 * soon as the Deployment is created, because it was tracked before it was read.
 */
class PingSourceAdapterMissingIT {

  @TempDir Path temp;
  SourcesCluster cluster;

  @BeforeEach
  void start() throws Exception {
    cluster = SourcesCluster.start(temp.resolve("cluster"));
    cluster
        .admin
        .apps()
        .deployments()
        .inNamespace(SourcesCluster.SYSTEM_NAMESPACE)
        .withName("pingsource-mt-adapter")
        .delete();
    await()
        .atMost(Duration.ofSeconds(30))
        .until(
            () ->
                cluster
                        .admin
                        .apps()
                        .deployments()
                        .inNamespace(SourcesCluster.SYSTEM_NAMESPACE)
                        .withName("pingsource-mt-adapter")
                        .get()
                    == null);
    cluster.startController("controller-a", new RecordingLogSink());
  }

  @AfterEach
  void stop() throws Exception {
    if (cluster != null) {
      cluster.close();
    }
  }

  Optional<Condition> condition(String type) {
    PingSource source =
        cluster
            .admin
            .resources(PingSource.class)
            .inNamespace(SourcesCluster.NAMESPACE)
            .withName("orphan")
            .get();
    if (source == null || source.getStatus() == null) {
      return Optional.empty();
    }
    return source.getStatus().getConditions().stream()
        .filter(c -> c.type().equals(type))
        .findFirst();
  }

  @Test
  void aMissingAdapterIsReportedAndItsCreationResumesTheSource() {
    cluster
        .admin
        .resource(
            PingSource.of(
                SourcesCluster.NAMESPACE,
                "orphan",
                PingSourceSpec.of(Destination.ofUri("http://sink.example"), "* * * * *")))
        .create();

    await()
        .atMost(Duration.ofSeconds(60))
        .until(
            () ->
                cluster.hasEvent(
                    SourcesCluster.NAMESPACE,
                    "orphan",
                    "InternalError",
                    "deployments.apps \"pingsource-mt-adapter\" not found"));
    await()
        .atMost(Duration.ofSeconds(30))
        .until(() -> condition("SinkProvided").map(Condition::isTrue).orElse(false));
    assertThat(condition("Deployed").orElseThrow().isUnknown()).isTrue();
    assertThat(condition("Ready").orElseThrow().isTrue()).isFalse();

    cluster.admin.resource(SourcesCluster.mtAdapter()).create();
    await()
        .atMost(Duration.ofSeconds(30))
        .until(
            () -> {
              Deployment adapter =
                  cluster
                      .admin
                      .apps()
                      .deployments()
                      .inNamespace(SourcesCluster.SYSTEM_NAMESPACE)
                      .withName("pingsource-mt-adapter")
                      .get();
              return adapter != null && adapter.getSpec().getReplicas() == 1;
            });
    cluster.markAvailable(SourcesCluster.SYSTEM_NAMESPACE, "pingsource-mt-adapter");
    await()
        .atMost(Duration.ofSeconds(60))
        .until(() -> condition("Ready").map(Condition::isTrue).orElse(false));
  }
}
