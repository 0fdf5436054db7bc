package dev.tributary.local.apiserver.validation;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class BuiltinValidationTest {

  private final BuiltinValidation validation = BuiltinValidation.defaults();

  @Test
  void metadataCausesComeFirstThenTheKinds() {
    String yaml =
        "apiVersion: apps/v1\nkind: Deployment\nmetadata: {name: d, labels: {a: '-'}}\n"
            + "spec: {selector: {matchLabels: {app: x}}, template: {metadata: {labels: {app: x}}}}";
    assertThat(Fixtures.causes(validation, yaml))
        .hasSize(2)
        .first()
        .asString()
        .startsWith("metadata.labels: Invalid value: \"-\"");
    assertThat(Fixtures.causes(validation, yaml).get(1))
        .isEqualTo("spec.template.spec.containers: Required value");
  }

  @Test
  void rbacRulesStayAMember() {
    String yaml =
        "apiVersion: rbac.authorization.k8s.io/v1\nkind: ClusterRoleBinding\nmetadata: {name: b}\n"
            + "roleRef: {apiGroup: rbac.authorization.k8s.io, kind: ClusterRole, name: r}\n"
            + "subjects: [{kind: ServiceAccount, name: sa}]";
    assertThat(Fixtures.causes(validation, yaml))
        .containsExactly("subjects[0].namespace: Required value");
  }

  @Test
  void leasesNeedAPositiveDuration() {
    String yaml =
        "apiVersion: coordination.k8s.io/v1\nkind: Lease\nmetadata: {name: l}\n"
            + "spec: {leaseDurationSeconds: 0, leaseTransitions: -1}";
    assertThat(Fixtures.causes(validation, yaml))
        .containsExactly(
            "spec.leaseDurationSeconds: Invalid value: 0: must be greater than 0",
            "spec.leaseTransitions: Invalid value: -1: must be greater than or equal to 0");
  }
}
