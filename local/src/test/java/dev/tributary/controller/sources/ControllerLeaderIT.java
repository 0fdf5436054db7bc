package dev.tributary.controller.sources;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.tributary.api.duck.Destination;
import dev.tributary.api.sources.ping.PingSource;
import dev.tributary.api.sources.ping.PingSourceSpec;
import dev.tributary.runtime.ProgramRuntime;
import dev.tributary.runtime.RecordingLogSink;
import io.fabric8.kubernetes.api.model.coordination.v1.Lease;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Two eventing-controller replicas: only the one holding the Lease reconciles; when it stops, the
 * other takes over.
 */
class ControllerLeaderIT {

  @TempDir Path temp;
  SourcesCluster cluster;

  @BeforeEach
  void start() throws Exception {
    cluster = SourcesCluster.start(temp.resolve("cluster"));
    cluster.markAvailable(SourcesCluster.SYSTEM_NAMESPACE, "pingsource-mt-adapter");
  }

  @AfterEach
  void stop() throws Exception {
    if (cluster != null) {
      cluster.close();
    }
  }

  boolean ready(String name) {
    PingSource source =
        cluster
            .admin
            .resources(PingSource.class)
            .inNamespace(SourcesCluster.NAMESPACE)
            .withName(name)
            .get();
    return source != null
        && source.getStatus() != null
        && source.getStatus().getConditions().stream()
            .anyMatch(c -> c.type().equals("Ready") && c.isTrue());
  }

  void createSource(String name) {
    cluster
        .admin
        .resource(
            PingSource.of(
                SourcesCluster.NAMESPACE,
                name,
                PingSourceSpec.of(Destination.ofUri("http://sink.example"), "* * * * *")))
        .create();
  }

  String holder() {
    Lease lease =
        cluster
            .admin
            .leases()
            .inNamespace(SourcesCluster.SYSTEM_NAMESPACE)
            .withName("eventing-controller")
            .get();
    return lease == null ? null : lease.getSpec().getHolderIdentity();
  }

  @Test
  void onlyTheLeaseHolderReconcilesAndTheOtherTakesOverWhenItStops() throws Exception {
    RecordingLogSink logA = new RecordingLogSink();
    RecordingLogSink logB = new RecordingLogSink();
    ProgramRuntime a = cluster.startController("controller-a", logA);
    ProgramRuntime b = cluster.startController("controller-b", logB);

    createSource("first");
    await().atMost(Duration.ofSeconds(60)).until(() -> ready("first"));
    String leader = holder();
    assertThat(leader).isIn("controller-a", "controller-b");
    RecordingLogSink leaderLog = leader.equals("controller-a") ? logA : logB;
    RecordingLogSink standbyLog = leader.equals("controller-a") ? logB : logA;
    assertThat(leaderLog.text()).contains("msg=\"started leading\"");
    assertThat(standbyLog.text()).doesNotContain("msg=\"started leading\"");

    ProgramRuntime leaderRuntime = leader.equals("controller-a") ? a : b;
    assertThat(
            leaderRuntime
                .stop(Duration.ofSeconds(20))
                .toCompletionStage()
                .toCompletableFuture()
                .get(30, TimeUnit.SECONDS))
        .isZero();
    assertThat(leaderLog.text()).contains("msg=\"eventing-controller stopped\"");

    createSource("second");
    await().atMost(Duration.ofSeconds(60)).until(() -> ready("second"));
    assertThat(standbyLog.text()).contains("msg=\"started leading\"");
    assertThat(holder()).isNotEqualTo(leader);
  }
}
