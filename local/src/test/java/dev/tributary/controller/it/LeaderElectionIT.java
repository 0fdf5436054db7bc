package dev.tributary.controller.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.tributary.controller.Controller;
import dev.tributary.controller.EventRecorder;
import dev.tributary.controller.KindReconciler;
import dev.tributary.controller.LeaderElection;
import dev.tributary.controller.Reconciler;
import dev.tributary.controller.Result;
import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.api.model.coordination.v1.Lease;
import io.fabric8.kubernetes.client.KubernetesClient;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Two replicas of a Toy controller compete for one Lease: only the leader reconciles, and when it
 * closes the other takes over.
 */
class LeaderElectionIT {

  @TempDir Path temp;
  ToyCluster cluster;

  /** One controller replica with its own client, election and reconcile counter. */
  final class Replica implements AutoCloseable {
    final String identity;
    final AtomicInteger reconciles = new AtomicInteger();
    final Controller<GenericKubernetesResource> controller;
    final LeaderElection election;

    Replica(String identity) throws Exception {
      this.identity = identity;
      KubernetesClient client = cluster.newClient();
      Reconciler<GenericKubernetesResource> stamp =
          toy -> {
            reconciles.incrementAndGet();
            Map<String, Object> status = new LinkedHashMap<>();
            status.put("reconciledBy", identity);
            toy.getAdditionalProperties().put("status", status);
            return Result.done();
          };
      controller =
          new Controller<>(
              "toys-" + identity,
              cluster.toyInformer(client),
              new KindReconciler<>(
                  client, new EventRecorder(client, "toy-controller", Clock.systemUTC()), stamp),
              cluster.newQueue(),
              1,
              client.getKubernetesSerialization());
      controller.start().get(30, TimeUnit.SECONDS);
      election =
          new LeaderElection(
              client,
              LeaderElection.Settings.knativeDefaults(
                  ToyCluster.NAMESPACE, "toy-controller", identity),
              controller::startWorkers,
              controller::stopWorkers);
      election.start();
    }

    @Override
    public void close() {
      election.close();
      controller.close();
    }
  }

  @BeforeEach
  void start() throws Exception {
    cluster = ToyCluster.start(temp.resolve("cluster"));
  }

  @AfterEach
  void stop() throws Exception {
    cluster.close();
  }

  static Object reconciledBy(ToyCluster cluster, String name) {
    GenericKubernetesResource toy = cluster.toy(name);
    Object status = toy == null ? null : toy.getAdditionalProperties().get("status");
    return status instanceof Map<?, ?> map ? map.get("reconciledBy") : null;
  }

  @Test
  void onlyTheLeaderReconcilesAndTheOtherTakesOverWhenItCloses() throws Exception {
    Replica a = cluster.own(new Replica("replica-a"));
    Replica b = cluster.own(new Replica("replica-b"));

    await()
        .atMost(Duration.ofSeconds(30))
        .until(() -> a.election.isLeader() || b.election.isLeader());
    Replica leader = a.election.isLeader() ? a : b;
    Replica follower = leader == a ? b : a;
    assertThat(follower.election.isLeader()).isFalse();
    Lease lease =
        cluster.admin.leases().inNamespace(ToyCluster.NAMESPACE).withName("toy-controller").get();
    assertThat(lease.getSpec().getHolderIdentity()).isEqualTo(leader.identity);
    assertThat(lease.getSpec().getLeaseDurationSeconds()).isEqualTo(15);

    cluster.createToy("first", Map.of());
    await()
        .atMost(Duration.ofSeconds(30))
        .until(() -> leader.identity.equals(reconciledBy(cluster, "first")));
    assertThat(follower.reconciles).hasValue(0);
    assertThat(follower.controller.isRunningWorkers()).isFalse();

    leader.close();

    await().atMost(Duration.ofSeconds(30)).until(follower.election::isLeader);
    // A new leader looks at everything once, and handles what comes next.
    await()
        .atMost(Duration.ofSeconds(30))
        .until(() -> follower.identity.equals(reconciledBy(cluster, "first")));
    cluster.createToy("second", Map.of());
    await()
        .atMost(Duration.ofSeconds(30))
        .until(() -> follower.identity.equals(reconciledBy(cluster, "second")));
  }
}
