package dev.tributary.local.kube.apps;

import static org.assertj.core.api.Assertions.assertThat;

import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.PodBuilder;
import io.fabric8.kubernetes.api.model.apps.ReplicaSet;
import io.fabric8.kubernetes.client.utils.KubernetesSerialization;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class PodsOfReplicaSetTest {

  private static final Instant NOW = Instant.parse("2026-01-01T00:01:00Z");

  @Test
  void newPodCopiesTheTemplateAndPointsAtItsReplicaSet() {
    ReplicaSet rs = Fixtures.replicaSet("web-abc", 1, 0, 0, 0);
    rs.getMetadata().setUid("rs-uid");
    rs.getSpec().setTemplate(Fixtures.template("nginx:1"));
    rs.getSpec().getTemplate().getMetadata().setAnnotations(Map.of("a", "b"));

    Pod pod = PodsOfReplicaSet.newPod(rs, new KubernetesSerialization());

    assertThat(pod.getMetadata().getGenerateName()).isEqualTo("web-abc-");
    assertThat(pod.getMetadata().getName()).isNull();
    assertThat(pod.getMetadata().getLabels()).containsEntry("app", "web");
    assertThat(pod.getMetadata().getAnnotations()).containsEntry("a", "b");
    assertThat(pod.getMetadata().getOwnerReferences())
        .singleElement()
        .satisfies(
            ref -> {
              assertThat(ref.getKind()).isEqualTo("ReplicaSet");
              assertThat(ref.getName()).isEqualTo("web-abc");
              assertThat(ref.getUid()).isEqualTo("rs-uid");
              assertThat(ref.getController()).isTrue();
              assertThat(ref.getBlockOwnerDeletion()).isTrue();
            });
    assertThat(pod.getSpec().getContainers().get(0).getImage()).isEqualTo("nginx:1");
  }

  @Test
  void availabilityWaitsForMinReadySeconds() {
    Pod pod = pod("a", "Running", true, "2026-01-01T00:00:30Z", "node");

    assertThat(PodsOfReplicaSet.isAvailable(pod, 0, NOW)).isTrue();
    assertThat(PodsOfReplicaSet.isAvailable(pod, 30, NOW)).isTrue();
    assertThat(PodsOfReplicaSet.isAvailable(pod, 60, NOW)).isFalse();
    assertThat(PodsOfReplicaSet.isAvailable(pod("b", "Running", false, null, "node"), 0, NOW))
        .isFalse();
  }

  @Test
  void deletesUnscheduledPendingAndUnreadyPodsFirst() {
    Pod readyOld = pod("ready-old", "Running", true, "2026-01-01T00:00:00Z", "node");
    Pod readyNew = pod("ready-new", "Running", true, "2026-01-01T00:00:40Z", "node");
    Pod unready = pod("unready", "Running", false, null, "node");
    Pod pending = pod("pending", "Pending", false, null, "node");
    Pod unscheduled = pod("unscheduled", "Pending", false, null, null);

    List<Pod> order =
        PodsOfReplicaSet.deletionOrder(List.of(readyOld, readyNew, unready, pending, unscheduled));

    assertThat(order)
        .extracting(p -> p.getMetadata().getName())
        .containsExactly("unscheduled", "pending", "unready", "ready-new", "ready-old");
  }

  @Test
  void finishedAndTerminatingPodsAreNotActive() {
    assertThat(PodsOfReplicaSet.isActive(pod("a", "Running", true, NOW.toString(), "n"))).isTrue();
    assertThat(PodsOfReplicaSet.isActive(pod("a", "Succeeded", false, null, "n"))).isFalse();
    assertThat(PodsOfReplicaSet.isActive(pod("a", "Failed", false, null, "n"))).isFalse();
    Pod deleting = pod("a", "Running", true, NOW.toString(), "n");
    deleting.getMetadata().setDeletionTimestamp(NOW.toString());
    assertThat(PodsOfReplicaSet.isActive(deleting)).isFalse();
  }

  private static Pod pod(String name, String phase, boolean ready, String readySince, String node) {
    return new PodBuilder()
        .withNewMetadata()
        .withName(name)
        .withCreationTimestamp("2026-01-01T00:00:00Z")
        .endMetadata()
        .withNewSpec()
        .withNodeName(node)
        .endSpec()
        .withNewStatus()
        .withPhase(phase)
        .addNewCondition()
        .withType("Ready")
        .withStatus(ready ? "True" : "False")
        .withLastTransitionTime(readySince)
        .endCondition()
        .endStatus()
        .build();
  }
}
