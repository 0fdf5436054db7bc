package dev.tributary.api.duck;

import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.apps.DeploymentCondition;

/**
 * Mirrors a Deployment's {@code Available} condition onto a source condition ({@code Deployed},
 * {@code ReceiveAdapterReady}), the way Knative's source lifecycles do.
 */
public final class DeploymentAvailability {
  private DeploymentAvailability() {}

  /**
   * Sets {@code type} from {@code deployment}: True when Available is True (and, if {@code
   * requireNoUnavailable}, no replica is unavailable, else Unknown {@code DeploymentUpdating});
   * False/Unknown copied with the Deployment's reason and message; Unknown {@code
   * DeploymentUnavailable} when there is no Available condition.
   */
  public static void propagate(
      ConditionManager conditions,
      String type,
      Deployment deployment,
      boolean requireNoUnavailable) {
    var status = deployment.getStatus();
    DeploymentCondition available =
        status == null || status.getConditions() == null
            ? null
            : status.getConditions().stream()
                .filter(c -> "Available".equals(c.getType()))
                .findFirst()
                .orElse(null);
    if (available == null) {
      conditions.markUnknown(
          type,
          "DeploymentUnavailable",
          "The Deployment '" + nameOf(deployment) + "' is unavailable.");
      return;
    }
    switch (available.getStatus()) {
      case Condition.TRUE -> {
        int unavailable =
            status.getUnavailableReplicas() == null ? 0 : status.getUnavailableReplicas();
        if (!requireNoUnavailable || unavailable == 0) {
          conditions.markTrue(type);
        } else {
          conditions.markUnknown(
              type,
              "DeploymentUpdating",
              "Deployment has " + unavailable + " unavailable replica(s).");
        }
      }
      case Condition.FALSE ->
          conditions.markFalse(type, available.getReason(), available.getMessage());
      case Condition.UNKNOWN ->
          conditions.markUnknown(type, available.getReason(), available.getMessage());
      default -> {
        // Not a condition status Kubernetes defines; upstream leaves the condition as it was.
      }
    }
  }

  private static String nameOf(Deployment deployment) {
    return deployment.getMetadata() == null || deployment.getMetadata().getName() == null
        ? ""
        : deployment.getMetadata().getName();
  }
}
