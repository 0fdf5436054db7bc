package dev.tributary.local.kube.apps;

import io.fabric8.kubernetes.api.model.apps.ReplicaSet;
import java.util.Collection;
import java.util.function.ToIntFunction;

/**
 * Sums over a Deployment's ReplicaSets, as kube-controller-manager's {@code deploymentutil} {@code
 * Get*ReplicaCountForReplicaSets}; absent counts are zero. Pure.
 */
final class ReplicaSetCounts {

  private ReplicaSetCounts() {}

  static int spec(ReplicaSet rs) {
    return rs == null || rs.getSpec().getReplicas() == null ? 0 : rs.getSpec().getReplicas();
  }

  static int status(ReplicaSet rs) {
    return rs == null || rs.getStatus() == null || rs.getStatus().getReplicas() == null
        ? 0
        : rs.getStatus().getReplicas();
  }

  static int ready(ReplicaSet rs) {
    return rs == null || rs.getStatus() == null || rs.getStatus().getReadyReplicas() == null
        ? 0
        : rs.getStatus().getReadyReplicas();
  }

  static int available(ReplicaSet rs) {
    return rs == null || rs.getStatus() == null || rs.getStatus().getAvailableReplicas() == null
        ? 0
        : rs.getStatus().getAvailableReplicas();
  }

  /** {@code GetReplicaCountForReplicaSets}: desired pods. */
  static int specTotal(Collection<ReplicaSet> replicaSets) {
    return sum(replicaSets, ReplicaSetCounts::spec);
  }

  /** {@code GetActualReplicaCountForReplicaSets}: pods that exist. */
  static int statusTotal(Collection<ReplicaSet> replicaSets) {
    return sum(replicaSets, ReplicaSetCounts::status);
  }

  static int readyTotal(Collection<ReplicaSet> replicaSets) {
    return sum(replicaSets, ReplicaSetCounts::ready);
  }

  static int availableTotal(Collection<ReplicaSet> replicaSets) {
    return sum(replicaSets, ReplicaSetCounts::available);
  }

  private static int sum(Collection<ReplicaSet> replicaSets, ToIntFunction<ReplicaSet> count) {
    return replicaSets.stream().mapToInt(count).sum();
  }
}
