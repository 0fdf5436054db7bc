package dev.tributary.local.kube.apps;

import io.fabric8.kubernetes.api.model.apps.DeploymentCondition;
import io.fabric8.kubernetes.api.model.apps.DeploymentConditionBuilder;
import io.fabric8.kubernetes.api.model.apps.DeploymentStatus;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Deployment condition types, reasons and messages, byte for byte as kube-controller-manager's
 * {@code deploymentutil}, and its {@code SetDeploymentCondition} rules: a condition with the same
 * status and reason is left alone; a status that did not change keeps its {@code
 * lastTransitionTime}; a changed condition moves to the end of the list. Pure.
 */
public final class DeploymentConditions {

  public static final String AVAILABLE = "Available";
  public static final String PROGRESSING = "Progressing";

  public static final String MINIMUM_REPLICAS_AVAILABLE = "MinimumReplicasAvailable";
  public static final String MINIMUM_REPLICAS_UNAVAILABLE = "MinimumReplicasUnavailable";
  public static final String NEW_REPLICA_SET_CREATED = "NewReplicaSetCreated";
  public static final String FOUND_NEW_REPLICA_SET = "FoundNewReplicaSet";
  public static final String NEW_REPLICA_SET_AVAILABLE = "NewReplicaSetAvailable";
  public static final String REPLICA_SET_UPDATED = "ReplicaSetUpdated";
  public static final String PROGRESS_DEADLINE_EXCEEDED = "ProgressDeadlineExceeded";
  public static final String DEPLOYMENT_PAUSED = "DeploymentPaused";
  public static final String DEPLOYMENT_RESUMED = "DeploymentResumed";

  static final String PAUSED_MESSAGE = "Deployment is paused";
  static final String RESUMED_MESSAGE = "Deployment is resumed";

  static final String HAS_MINIMUM_AVAILABILITY = "Deployment has minimum availability.";
  static final String NO_MINIMUM_AVAILABILITY = "Deployment does not have minimum availability.";

  private DeploymentConditions() {}

  static String createdMessage(String replicaSet) {
    return "Created new replica set \"" + replicaSet + "\"";
  }

  static String foundMessage(String replicaSet) {
    return "Found new replica set \"" + replicaSet + "\"";
  }

  static String progressedMessage(String replicaSet) {
    return "ReplicaSet \"" + replicaSet + "\" has successfully progressed.";
  }

  static String progressingMessage(String replicaSet) {
    return "ReplicaSet \"" + replicaSet + "\" is progressing.";
  }

  static String timedOutMessage(String replicaSet) {
    return "ReplicaSet \"" + replicaSet + "\" has timed out progressing.";
  }

  /**
   * A condition stamped {@code now} (RFC 3339, seconds) for both times.
   *
   * @param status True, False, or Unknown when null
   */
  static DeploymentCondition condition(
      String type, Boolean status, String reason, String message, Instant now) {
    String time = now.truncatedTo(ChronoUnit.SECONDS).toString();
    return new DeploymentConditionBuilder()
        .withType(type)
        .withStatus(status == null ? "Unknown" : status ? "True" : "False")
        .withReason(reason)
        .withMessage(message)
        .withLastUpdateTime(time)
        .withLastTransitionTime(time)
        .build();
  }

  /** The condition of {@code type}, if any. */
  static Optional<DeploymentCondition> get(DeploymentStatus status, String type) {
    if (status == null || status.getConditions() == null) {
      return Optional.empty();
    }
    return status.getConditions().stream().filter(c -> type.equals(c.getType())).findFirst();
  }

  /** {@code SetDeploymentCondition}. */
  static void set(DeploymentStatus status, DeploymentCondition condition) {
    Optional<DeploymentCondition> current = get(status, condition.getType());
    if (current.isPresent()
        && current.get().getStatus().equals(condition.getStatus())
        && String.valueOf(current.get().getReason()).equals(condition.getReason())) {
      return;
    }
    if (current.isPresent() && current.get().getStatus().equals(condition.getStatus())) {
      condition.setLastTransitionTime(current.get().getLastTransitionTime());
    }
    remove(status, condition.getType());
    List<DeploymentCondition> conditions = new ArrayList<>(status.getConditions());
    conditions.add(condition);
    status.setConditions(conditions);
  }

  /** {@code RemoveDeploymentCondition}. */
  static void remove(DeploymentStatus status, String type) {
    List<DeploymentCondition> conditions =
        status.getConditions() == null
            ? new ArrayList<>()
            : new ArrayList<>(status.getConditions());
    conditions.removeIf(c -> type.equals(c.getType()));
    status.setConditions(conditions);
  }
}
