package dev.tributary.local.kube.apps;

import io.fabric8.kubernetes.api.model.IntOrString;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.apps.RollingUpdateDeployment;

/**
 * A Deployment's surge and unavailability bounds in pods, as kube-controller-manager's {@code
 * deploymentutil.ResolveFenceposts}, {@code MaxSurge} and {@code MaxUnavailable}: percentages of
 * {@code spec.replicas}, surge rounded up, unavailable rounded down, and never both zero (then one
 * pod may be unavailable). Pure.
 *
 * @param maxSurge pods allowed above {@code spec.replicas} during a rollout
 * @param maxUnavailable pods allowed below {@code spec.replicas} during a rollout
 */
public record RolloutLimits(int maxSurge, int maxUnavailable) {

  static final String ROLLING_UPDATE = "RollingUpdate";
  static final String RECREATE = "Recreate";

  /** The bounds of {@code deployment}; both zero for Recreate or zero replicas. */
  public static RolloutLimits of(Deployment deployment) {
    int replicas = replicas(deployment);
    if (!isRolling(deployment)) {
      return new RolloutLimits(0, 0);
    }
    RollingUpdateDeployment rolling = deployment.getSpec().getStrategy().getRollingUpdate();
    IntOrString surgeValue = rolling == null ? null : rolling.getMaxSurge();
    IntOrString unavailableValue = rolling == null ? null : rolling.getMaxUnavailable();
    int surge = scaled(surgeValue == null ? new IntOrString("25%") : surgeValue, replicas, true);
    int unavailable =
        scaled(
            unavailableValue == null ? new IntOrString("25%") : unavailableValue, replicas, false);
    if (surge == 0 && unavailable == 0) {
      unavailable = 1;
    }
    if (replicas == 0) {
      unavailable = 0;
    }
    return new RolloutLimits(surge, Math.min(unavailable, replicas));
  }

  /** Whether {@code deployment} rolls (RollingUpdate, also when no strategy is set). */
  public static boolean isRolling(Deployment deployment) {
    return deployment.getSpec().getStrategy() == null
        || deployment.getSpec().getStrategy().getType() == null
        || ROLLING_UPDATE.equals(deployment.getSpec().getStrategy().getType());
  }

  /** {@code spec.replicas}, 1 when unset (the API server's default). */
  public static int replicas(Deployment deployment) {
    Integer replicas = deployment.getSpec().getReplicas();
    return replicas == null ? 1 : replicas;
  }

  /** apimachinery's {@code GetScaledValueFromIntOrPercent}. */
  static int scaled(IntOrString value, int total, boolean roundUp) {
    if (value.getIntVal() != null) {
      return value.getIntVal();
    }
    String text = value.getStrVal();
    if (text == null || !text.endsWith("%")) {
      throw new IllegalArgumentException("invalid value for IntOrString: " + text);
    }
    int percent = Integer.parseInt(text.substring(0, text.length() - 1));
    long product = (long) percent * total;
    return (int) (roundUp ? (product + 99) / 100 : product / 100);
  }
}
