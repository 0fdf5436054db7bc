package dev.tributary.local.kube.apps;

import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.apps.DeploymentCondition;
import io.fabric8.kubernetes.api.model.apps.DeploymentStatus;
import io.fabric8.kubernetes.api.model.apps.ReplicaSet;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * A Deployment's status from its ReplicaSets, as kube-controller-manager's {@code calculateStatus}
 * and {@code syncRolloutStatus}: replica counts (zero counts left out, as Kubernetes' omitempty),
 * {@code Available} from the minimum availability, and {@code Progressing} moving from
 * NewReplicaSetCreated / FoundNewReplicaSet through ReplicaSetUpdated to NewReplicaSetAvailable.
 *
 * <p>Departure: ProgressDeadlineExceeded is never set (no deadline timer). Pure.
 */
public final class RolloutStatus {

  private RolloutStatus() {}

  /**
   * The status {@code deployment} should have.
   *
   * @param deployment with its current status (conditions this sync already set included)
   * @param all every ReplicaSet the Deployment owns, {@code newReplicaSet} included
   * @param newReplicaSet the one running the current template, or null
   * @param estimateProgress whether to update Progressing ({@code syncRolloutStatus}), or only the
   *     counts and Available ({@code syncDeploymentStatus}, for a paused Deployment)
   */
  public static DeploymentStatus calculate(
      Deployment deployment,
      List<ReplicaSet> all,
      ReplicaSet newReplicaSet,
      Instant now,
      boolean estimateProgress) {
    DeploymentStatus old =
        deployment.getStatus() == null ? new DeploymentStatus() : deployment.getStatus();
    int wanted = RolloutLimits.replicas(deployment);
    int available = ReplicaSetCounts.availableTotal(all);
    int unavailable = Math.max(0, ReplicaSetCounts.specTotal(all) - available);
    DeploymentStatus status = new DeploymentStatus();
    status.setObservedGeneration(deployment.getMetadata().getGeneration());
    status.setReplicas(omitZero(ReplicaSetCounts.statusTotal(all)));
    status.setUpdatedReplicas(omitZero(ReplicaSetCounts.status(newReplicaSet)));
    status.setReadyReplicas(omitZero(ReplicaSetCounts.readyTotal(all)));
    status.setAvailableReplicas(omitZero(available));
    status.setUnavailableReplicas(omitZero(unavailable));
    status.setCollisionCount(old.getCollisionCount());
    status.setConditions(
        old.getConditions() == null ? new ArrayList<>() : new ArrayList<>(old.getConditions()));
    if (available >= wanted - RolloutLimits.of(deployment).maxUnavailable()) {
      DeploymentConditions.set(
          status,
          DeploymentConditions.condition(
              DeploymentConditions.AVAILABLE,
              true,
              DeploymentConditions.MINIMUM_REPLICAS_AVAILABLE,
              DeploymentConditions.HAS_MINIMUM_AVAILABILITY,
              now));
    } else {
      DeploymentConditions.set(
          status,
          DeploymentConditions.condition(
              DeploymentConditions.AVAILABLE,
              false,
              DeploymentConditions.MINIMUM_REPLICAS_UNAVAILABLE,
              DeploymentConditions.NO_MINIMUM_AVAILABILITY,
              now));
    }
    if (estimateProgress) {
      progress(deployment, old, status, newReplicaSet, now);
    }
    return status;
  }

  private static void progress(
      Deployment deployment,
      DeploymentStatus old,
      DeploymentStatus status,
      ReplicaSet newReplicaSet,
      Instant now) {
    if (!hasProgressDeadline(deployment)) {
      DeploymentConditions.remove(status, DeploymentConditions.PROGRESSING);
      return;
    }
    Optional<DeploymentCondition> current =
        DeploymentConditions.get(old, DeploymentConditions.PROGRESSING);
    boolean rolledOut =
        count(status.getReplicas()) == count(status.getUpdatedReplicas())
            && current.isPresent()
            && DeploymentConditions.NEW_REPLICA_SET_AVAILABLE.equals(current.get().getReason());
    if (rolledOut) {
      return;
    }
    String name = newReplicaSet == null ? null : newReplicaSet.getMetadata().getName();
    if (isComplete(deployment, status)) {
      DeploymentConditions.set(
          status,
          DeploymentConditions.condition(
              DeploymentConditions.PROGRESSING,
              true,
              DeploymentConditions.NEW_REPLICA_SET_AVAILABLE,
              name == null
                  ? "Deployment \""
                      + deployment.getMetadata().getName()
                      + "\" has successfully progressed."
                  : DeploymentConditions.progressedMessage(name),
              now));
    } else if (isProgressing(old, status)) {
      DeploymentCondition condition =
          DeploymentConditions.condition(
              DeploymentConditions.PROGRESSING,
              true,
              DeploymentConditions.REPLICA_SET_UPDATED,
              name == null
                  ? "Deployment \"" + deployment.getMetadata().getName() + "\" is progressing."
                  : DeploymentConditions.progressingMessage(name),
              now);
      // Progress refreshes lastUpdateTime even when the reason stays the same.
      if (current.isPresent()) {
        if ("True".equals(current.get().getStatus())) {
          condition.setLastTransitionTime(current.get().getLastTransitionTime());
        }
        DeploymentConditions.remove(status, DeploymentConditions.PROGRESSING);
      }
      DeploymentConditions.set(status, condition);
    }
  }

  /** {@code DeploymentComplete}: every wanted replica updated and available, generation seen. */
  public static boolean isComplete(Deployment deployment, DeploymentStatus status) {
    int wanted = RolloutLimits.replicas(deployment);
    Long observed = status.getObservedGeneration();
    Long generation = deployment.getMetadata().getGeneration();
    return count(status.getUpdatedReplicas()) == wanted
        && count(status.getReplicas()) == wanted
        && count(status.getAvailableReplicas()) == wanted
        && (generation == null || (observed != null && observed >= generation));
  }

  /** {@code DeploymentProgressing}: more updated, fewer old, more ready or more available pods. */
  static boolean isProgressing(DeploymentStatus old, DeploymentStatus status) {
    int oldOld = count(old.getReplicas()) - count(old.getUpdatedReplicas());
    int newOld = count(status.getReplicas()) - count(status.getUpdatedReplicas());
    return count(status.getUpdatedReplicas()) > count(old.getUpdatedReplicas())
        || newOld < oldOld
        || count(status.getReadyReplicas()) > count(old.getReadyReplicas())
        || count(status.getAvailableReplicas()) > count(old.getAvailableReplicas());
  }

  static boolean hasProgressDeadline(Deployment deployment) {
    Integer seconds = deployment.getSpec().getProgressDeadlineSeconds();
    return seconds != null && seconds != Integer.MAX_VALUE;
  }

  static int count(Integer value) {
    return value == null ? 0 : value;
  }

  private static Integer omitZero(int value) {
    return value == 0 ? null : value;
  }
}
