package dev.tributary.local.kube.apps;

import static org.assertj.core.api.Assertions.assertThat;

import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.apps.DeploymentCondition;
import io.fabric8.kubernetes.api.model.apps.DeploymentStatus;
import io.fabric8.kubernetes.api.model.apps.ReplicaSet;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class RolloutStatusTest {

  private static final Instant T0 = Instant.parse("2026-01-01T00:00:00Z");
  private static final Instant T1 = Instant.parse("2026-01-01T00:01:00Z");

  @Test
  void freshReplicaSetWithoutReadyPodsIsUnavailableAndKeepsCreatedCondition() {
    Deployment deployment = Fixtures.deployment(2, "25%", "25%");
    deployment.setStatus(new DeploymentStatus());
    DeploymentConditions.set(
        deployment.getStatus(),
        DeploymentConditions.condition(
            "Progressing", true, "NewReplicaSetCreated", "Created new replica set \"web-x\"", T0));
    ReplicaSet rs = Fixtures.replicaSet("web-x", 2, 0, 0, 0);

    DeploymentStatus status = RolloutStatus.calculate(deployment, List.of(rs), rs, T0, true);

    assertThat(status.getReplicas()).isNull();
    assertThat(status.getUnavailableReplicas()).isEqualTo(2);
    assertThat(status.getObservedGeneration()).isEqualTo(1L);
    assertThat(status.getConditions())
        .extracting(DeploymentCondition::getType, DeploymentCondition::getReason)
        .containsExactly(
            org.assertj.core.groups.Tuple.tuple("Progressing", "NewReplicaSetCreated"),
            org.assertj.core.groups.Tuple.tuple("Available", "MinimumReplicasUnavailable"));
    assertThat(DeploymentConditions.get(status, "Available").get().getMessage())
        .isEqualTo("Deployment does not have minimum availability.");
  }

  @Test
  void progressThenCompletionWithKubernetesMessages() {
    Deployment deployment = Fixtures.deployment(2, "25%", "25%");
    deployment.setStatus(new DeploymentStatus());
    DeploymentConditions.set(
        deployment.getStatus(),
        DeploymentConditions.condition(
            "Progressing", true, "NewReplicaSetCreated", "Created new replica set \"web-x\"", T0));
    ReplicaSet creating = Fixtures.replicaSet("web-x", 2, 2, 1, 1);

    DeploymentStatus progressing =
        RolloutStatus.calculate(deployment, List.of(creating), creating, T1, true);

    DeploymentCondition condition = DeploymentConditions.get(progressing, "Progressing").get();
    assertThat(condition.getReason()).isEqualTo("ReplicaSetUpdated");
    assertThat(condition.getMessage()).isEqualTo("ReplicaSet \"web-x\" is progressing.");
    assertThat(condition.getLastTransitionTime()).isEqualTo("2026-01-01T00:00:00Z");
    assertThat(condition.getLastUpdateTime()).isEqualTo("2026-01-01T00:01:00Z");

    deployment.setStatus(progressing);
    ReplicaSet done = Fixtures.replicaSet("web-x", 2, 2, 2, 2);
    DeploymentStatus complete = RolloutStatus.calculate(deployment, List.of(done), done, T1, true);

    assertThat(DeploymentConditions.get(complete, "Progressing").get().getMessage())
        .isEqualTo("ReplicaSet \"web-x\" has successfully progressed.");
    assertThat(DeploymentConditions.get(complete, "Available").get())
        .extracting(DeploymentCondition::getStatus, DeploymentCondition::getReason)
        .containsExactly("True", "MinimumReplicasAvailable");
    assertThat(complete.getReadyReplicas()).isEqualTo(2);
    assertThat(complete.getUpdatedReplicas()).isEqualTo(2);
    assertThat(complete.getUnavailableReplicas()).isNull();
    assertThat(RolloutStatus.isComplete(deployment, complete)).isTrue();
  }

  @Test
  void oldReplicasCountAsReplicasButNotAsUpdated() {
    Deployment deployment = Fixtures.deployment(2, "25%", "25%");
    ReplicaSet old = Fixtures.replicaSet("web-old", 1, 1, 1, 1);
    ReplicaSet fresh = Fixtures.replicaSet("web-new", 2, 2, 0, 0);

    DeploymentStatus status =
        RolloutStatus.calculate(deployment, List.of(old, fresh), fresh, T0, true);

    assertThat(status.getReplicas()).isEqualTo(3);
    assertThat(status.getUpdatedReplicas()).isEqualTo(2);
    assertThat(status.getAvailableReplicas()).isEqualTo(1);
    assertThat(RolloutStatus.isComplete(deployment, status)).isFalse();
  }

  @Test
  void sameStatusAndReasonLeavesTheConditionAlone() {
    DeploymentStatus status = new DeploymentStatus();
    DeploymentConditions.set(
        status,
        DeploymentConditions.condition("Available", true, "MinimumReplicasAvailable", "m", T0));
    DeploymentConditions.set(
        status,
        DeploymentConditions.condition("Available", true, "MinimumReplicasAvailable", "m", T1));

    assertThat(status.getConditions()).hasSize(1);
    assertThat(status.getConditions().get(0).getLastUpdateTime()).isEqualTo("2026-01-01T00:00:00Z");
  }

  @Test
  void pausedSyncLeavesProgressingAlone() {
    Deployment deployment = Fixtures.deployment(1, "25%", "25%");
    deployment.setStatus(new DeploymentStatus());
    DeploymentConditions.set(
        deployment.getStatus(),
        DeploymentConditions.condition(
            "Progressing", null, "DeploymentPaused", "Deployment is paused", T0));
    ReplicaSet rs = Fixtures.replicaSet("web-x", 1, 1, 1, 1);

    DeploymentStatus status = RolloutStatus.calculate(deployment, List.of(rs), rs, T1, false);

    assertThat(DeploymentConditions.get(status, "Progressing").get())
        .extracting(DeploymentCondition::getStatus, DeploymentCondition::getReason)
        .containsExactly("Unknown", "DeploymentPaused");
    assertThat(DeploymentConditions.get(status, "Available").get().getStatus()).isEqualTo("True");
    assertThat(status.getAvailableReplicas()).isEqualTo(1);
  }
}
