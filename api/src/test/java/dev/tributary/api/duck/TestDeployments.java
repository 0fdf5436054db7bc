package dev.tributary.api.duck;

import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.apps.DeploymentBuilder;

/** Deployments as {@link DeploymentAvailability} reads them, for the Lifecycle tests. */
public final class TestDeployments {
  private TestDeployments() {}

  /**
   * A Deployment named {@code name} whose status has {@code unavailableReplicas} and, unless {@code
   * available} is null, an {@code Available} condition with that status, reason and message.
   *
   * @param available {@code True}, {@code False}, {@code Unknown}, or null for no condition
   * @param unavailableReplicas null leaves the field unset
   */
  public static Deployment withAvailable(
      String name, String available, String reason, String message, Integer unavailableReplicas) {
    DeploymentBuilder b =
        new DeploymentBuilder()
            .withNewMetadata()
            .withName(name)
            .endMetadata()
            .withNewStatus()
            .withUnavailableReplicas(unavailableReplicas)
            .endStatus();
    if (available != null) {
      b.editStatus()
          .addNewCondition()
          .withType("Available")
          .withStatus(available)
          .withReason(reason)
          .withMessage(message)
          .endCondition()
          .endStatus();
    }
    return b.build();
  }
}
