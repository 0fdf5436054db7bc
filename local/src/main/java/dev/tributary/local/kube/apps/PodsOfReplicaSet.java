package dev.tributary.local.kube.apps;

import dev.tributary.controller.children.ControllerRefs;
import io.fabric8.kubernetes.api.model.ObjectMeta;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.PodBuilder;
import io.fabric8.kubernetes.api.model.PodCondition;
import io.fabric8.kubernetes.api.model.apps.ReplicaSet;
import io.fabric8.kubernetes.client.utils.KubernetesSerialization;
import java.time.Duration;
import java.time.Instant;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Optional;

/**
 * What the ReplicaSet controller needs to know and build about pods, as kube-controller-manager's
 * {@code controller.GetPodFromTemplate}, {@code IsPodActive}, {@code podutil.IsPodReady/Available}
 * and the {@code ActivePods} deletion order. Pure.
 */
public final class PodsOfReplicaSet {

  private PodsOfReplicaSet() {}

  /**
   * A pod for {@code replicaSet}: {@code generateName} {@code NAME-} (the API server adds five
   * characters), the template's labels, annotations, finalizers and spec, and a controller
   * reference to the ReplicaSet.
   */
  public static Pod newPod(ReplicaSet replicaSet, KubernetesSerialization serialization) {
    var template = serialization.clone(replicaSet.getSpec().getTemplate());
    ObjectMeta meta = template.getMetadata() == null ? new ObjectMeta() : template.getMetadata();
    return new PodBuilder()
        .withNewMetadata()
        .withGenerateName(replicaSet.getMetadata().getName() + "-")
        .withNamespace(replicaSet.getMetadata().getNamespace())
        .withLabels(meta.getLabels() == null ? null : new LinkedHashMap<>(meta.getLabels()))
        .withAnnotations(
            meta.getAnnotations() == null ? null : new LinkedHashMap<>(meta.getAnnotations()))
        .withFinalizers(meta.getFinalizers())
        .withOwnerReferences(ControllerRefs.of(replicaSet))
        .endMetadata()
        .withSpec(template.getSpec())
        .build();
  }

  /** {@code IsPodActive}: not Succeeded, not Failed, not being deleted. */
  public static boolean isActive(Pod pod) {
    String phase = pod.getStatus() == null ? null : pod.getStatus().getPhase();
    return !"Succeeded".equals(phase)
        && !"Failed".equals(phase)
        && pod.getMetadata().getDeletionTimestamp() == null;
  }

  /** Whether the pod's Ready condition is True. */
  public static boolean isReady(Pod pod) {
    return readyCondition(pod).map(c -> "True".equals(c.getStatus())).orElse(false);
  }

  /** {@code IsPodAvailable}: ready for at least {@code minReadySeconds} at {@code now}. */
  public static boolean isAvailable(Pod pod, int minReadySeconds, Instant now) {
    return availableIn(pod, minReadySeconds, now).map(Duration::isZero).orElse(false);
  }

  /** How long until a ready pod becomes available (zero when it is); empty when it is not ready. */
  static Optional<Duration> availableIn(Pod pod, int minReadySeconds, Instant now) {
    Optional<PodCondition> ready = readyCondition(pod).filter(c -> "True".equals(c.getStatus()));
    if (ready.isEmpty()) {
      return Optional.empty();
    }
    if (minReadySeconds <= 0 || ready.get().getLastTransitionTime() == null) {
      return Optional.of(Duration.ZERO);
    }
    Instant availableAt =
        Instant.parse(ready.get().getLastTransitionTime()).plusSeconds(minReadySeconds);
    return Optional.of(
        availableAt.isAfter(now) ? Duration.between(now, availableAt) : Duration.ZERO);
  }

  /**
   * The order in which surplus pods are deleted, first first ({@code controller.ActivePods}):
   * unscheduled before scheduled, Pending before Unknown before Running, not ready before ready,
   * ready for less time before longer, more restarts before fewer, newer before older.
   */
  public static List<Pod> deletionOrder(List<Pod> pods) {
    return pods.stream()
        .sorted(
            Comparator.<Pod>comparingInt(p -> isScheduled(p) ? 1 : 0)
                .thenComparingInt(PodsOfReplicaSet::phaseRank)
                .thenComparingInt(p -> isReady(p) ? 1 : 0)
                .thenComparing(PodsOfReplicaSet::readySince, Comparator.reverseOrder())
                .thenComparing(PodsOfReplicaSet::restarts, Comparator.reverseOrder())
                .thenComparing(PodsOfReplicaSet::created, Comparator.reverseOrder()))
        .toList();
  }

  private static boolean isScheduled(Pod pod) {
    String node = pod.getSpec() == null ? null : pod.getSpec().getNodeName();
    return node != null && !node.isEmpty();
  }

  private static int phaseRank(Pod pod) {
    String phase = pod.getStatus() == null ? null : pod.getStatus().getPhase();
    if ("Pending".equals(phase) || phase == null) {
      return 0;
    }
    return "Unknown".equals(phase) ? 1 : 2;
  }

  private static String readySince(Pod pod) {
    return readyCondition(pod)
        .filter(c -> "True".equals(c.getStatus()))
        .map(PodCondition::getLastTransitionTime)
        .orElse("");
  }

  private static int restarts(Pod pod) {
    if (pod.getStatus() == null || pod.getStatus().getContainerStatuses() == null) {
      return 0;
    }
    return pod.getStatus().getContainerStatuses().stream()
        .mapToInt(s -> s.getRestartCount() == null ? 0 : s.getRestartCount())
        .max()
        .orElse(0);
  }

  private static String created(Pod pod) {
    String created = pod.getMetadata().getCreationTimestamp();
    return created == null ? "" : created;
  }

  private static Optional<PodCondition> readyCondition(Pod pod) {
    if (pod.getStatus() == null || pod.getStatus().getConditions() == null) {
      return Optional.empty();
    }
    return pod.getStatus().getConditions().stream()
        .filter(c -> "Ready".equals(c.getType()))
        .findFirst();
  }
}
