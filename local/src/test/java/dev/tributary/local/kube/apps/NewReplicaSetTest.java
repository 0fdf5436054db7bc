package dev.tributary.local.kube.apps;

import static org.assertj.core.api.Assertions.assertThat;

import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.apps.ReplicaSet;
import io.fabric8.kubernetes.client.utils.KubernetesSerialization;
import java.util.Map;
import org.junit.jupiter.api.Test;

class NewReplicaSetTest {

  private final KubernetesSerialization serialization = new KubernetesSerialization();

  @Test
  void namedAfterTheHashWhichLabelsSelectorAndTemplate() {
    Deployment deployment = Fixtures.deployment(4, "25%", "25%");
    deployment
        .getMetadata()
        .setAnnotations(
            Map.of(
                "team", "a",
                "kubectl.kubernetes.io/last-applied-configuration", "{}",
                "deployment.kubernetes.io/revision", "7"));

    ReplicaSet rs = NewReplicaSet.build(deployment, "5d8c9b7f64", 2, 3, serialization);

    assertThat(rs.getMetadata().getName()).isEqualTo("web-5d8c9b7f64");
    assertThat(rs.getMetadata().getLabels())
        .containsEntry("app", "web")
        .containsEntry("pod-template-hash", "5d8c9b7f64");
    assertThat(rs.getSpec().getSelector().getMatchLabels())
        .containsEntry("pod-template-hash", "5d8c9b7f64");
    assertThat(rs.getSpec().getTemplate().getMetadata().getLabels())
        .containsEntry("pod-template-hash", "5d8c9b7f64");
    assertThat(rs.getSpec().getReplicas()).isEqualTo(2);
    assertThat(rs.getMetadata().getAnnotations())
        .containsEntry("team", "a")
        .containsEntry("deployment.kubernetes.io/revision", "3")
        .containsEntry("deployment.kubernetes.io/desired-replicas", "4")
        .containsEntry("deployment.kubernetes.io/max-replicas", "5")
        .doesNotContainKey("kubectl.kubernetes.io/last-applied-configuration");
    assertThat(rs.getMetadata().getOwnerReferences())
        .singleElement()
        .satisfies(
            ref -> {
              assertThat(ref.getKind()).isEqualTo("Deployment");
              assertThat(ref.getUid()).isEqualTo("d-uid");
              assertThat(ref.getController()).isTrue();
            });
    // the deployment itself is untouched
    assertThat(deployment.getSpec().getTemplate().getMetadata().getLabels())
        .doesNotContainKey("pod-template-hash");
  }

  @Test
  void templatesAreComparedWithoutTheHashLabel() {
    Deployment deployment = Fixtures.deployment(1, "25%", "25%");
    ReplicaSet rs = NewReplicaSet.build(deployment, "abc", 1, 1, serialization);

    assertThat(
            NewReplicaSet.sameTemplate(
                rs.getSpec().getTemplate(), deployment.getSpec().getTemplate(), serialization))
        .isTrue();
    assertThat(
            NewReplicaSet.sameTemplate(
                rs.getSpec().getTemplate(), Fixtures.template("nginx:2"), serialization))
        .isFalse();
  }
}
