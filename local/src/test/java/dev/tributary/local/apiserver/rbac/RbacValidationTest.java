package dev.tributary.local.apiserver.rbac;

import static dev.tributary.local.apiserver.rbac.Objects.yaml;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;
import org.junit.jupiter.api.Test;

class RbacValidationTest {

  private static ObjectNode clusterRoleBinding(String roleRef, String subjects) {
    return yaml(
        """
        apiVersion: rbac.authorization.k8s.io/v1
        kind: ClusterRoleBinding
        metadata: {name: events-sa-binding}
        roleRef: %s
        subjects: %s
        """
            .formatted(roleRef, subjects));
  }

  private static final String EVENT_WATCHER =
      "{apiGroup: rbac.authorization.k8s.io, kind: ClusterRole, name: event-watcher}";

  @Test
  void aClusterRoleBindingServiceAccountWithoutNamespaceIsRejectedAsKubeApiserverDoes() {
    ObjectNode binding =
        clusterRoleBinding(EVENT_WATCHER, "[{kind: ServiceAccount, name: events-sa}]");

    List<FieldCause> causes = RbacValidation.validate(binding);

    assertThat(causes)
        .containsExactly(
            new FieldCause("subjects[0].namespace", "FieldValueRequired", "Required value"));
    InvalidObject invalid = InvalidObject.of(binding, causes);
    assertThat(invalid.message())
        .isEqualTo(
            "ClusterRoleBinding.rbac.authorization.k8s.io \"events-sa-binding\" is invalid:"
                + " subjects[0].namespace: Required value");
    assertThat(invalid.status().toString())
        .isEqualTo(
            "{\"kind\":\"Status\",\"apiVersion\":\"v1\",\"metadata\":{},\"status\":\"Failure\","
                + "\"message\":\"ClusterRoleBinding.rbac.authorization.k8s.io"
                + " \\\"events-sa-binding\\\" is invalid: subjects[0].namespace: Required value\","
                + "\"reason\":\"Invalid\",\"details\":{\"name\":\"events-sa-binding\","
                + "\"group\":\"rbac.authorization.k8s.io\",\"kind\":\"ClusterRoleBinding\","
                + "\"causes\":[{\"reason\":\"FieldValueRequired\",\"message\":\"Required value\","
                + "\"field\":\"subjects[0].namespace\"}]},\"code\":422}");
  }

  @Test
  void aRoleBindingServiceAccountMayLeaveTheNamespaceOut() {
    ObjectNode binding =
        yaml(
            """
            apiVersion: rbac.authorization.k8s.io/v1
            kind: RoleBinding
            metadata: {name: rb, namespace: default}
            roleRef: {kind: Role, name: r}
            subjects: [{kind: ServiceAccount, name: events-sa}, {kind: User, name: alice}]
            """);

    assertThat(RbacValidation.validate(binding)).isEmpty();
  }

  @Test
  void defaultsFillTheRbacGroupOfRoleRefUsersAndGroupsWithoutTouchingTheInput() {
    ObjectNode binding =
        clusterRoleBinding(
            "{kind: ClusterRole, name: r}",
            "[{kind: User, name: alice}, {kind: Group, name: devs},"
                + " {kind: ServiceAccount, name: sa, namespace: ns}]");
    String before = binding.toString();

    ObjectNode defaulted = RbacDefaults.withDefaults(binding);

    assertThat(binding.toString()).isEqualTo(before);
    assertThat(defaulted.at("/roleRef/apiGroup").asText()).isEqualTo("rbac.authorization.k8s.io");
    assertThat(defaulted.at("/subjects/0/apiGroup").asText())
        .isEqualTo("rbac.authorization.k8s.io");
    assertThat(defaulted.at("/subjects/1/apiGroup").asText())
        .isEqualTo("rbac.authorization.k8s.io");
    assertThat(defaulted.at("/subjects/2/apiGroup").isMissingNode()).isTrue();
    assertThat(RbacDefaults.withDefaults(defaulted)).isEqualTo(defaulted);
    assertThat(RbacValidation.validate(binding)).isEmpty();
  }

  @Test
  void subjectKindsAreServiceAccountUserOrGroup() {
    ObjectNode binding =
        clusterRoleBinding(EVENT_WATCHER, "[{kind: User, name: a}, {kind: Robot, name: r2}]");

    assertThat(RbacValidation.validate(binding))
        .containsExactly(
            new FieldCause(
                "subjects[1].kind",
                "FieldValueNotSupported",
                "Unsupported value: \"Robot\": supported values: \"ServiceAccount\", \"User\","
                    + " \"Group\""));
  }

  @Test
  void roleRefFieldsAreRequiredAndAClusterRoleBindingMayOnlyReferToAClusterRole() {
    ObjectNode binding = clusterRoleBinding("{apiGroup: example.com, kind: Role}", "[]");

    List<FieldCause> causes = RbacValidation.validate(binding);

    assertThat(causes)
        .containsExactly(
            new FieldCause(
                "roleRef.apiGroup",
                "FieldValueNotSupported",
                "Unsupported value: \"example.com\": supported values:"
                    + " \"rbac.authorization.k8s.io\""),
            new FieldCause(
                "roleRef.kind",
                "FieldValueNotSupported",
                "Unsupported value: \"Role\": supported values: \"ClusterRole\""),
            new FieldCause("roleRef.name", "FieldValueRequired", "Required value"));
    assertThat(InvalidObject.of(binding, causes).message())
        .isEqualTo(
            "ClusterRoleBinding.rbac.authorization.k8s.io \"events-sa-binding\" is invalid:"
                + " [roleRef.apiGroup: Unsupported value: \"example.com\": supported values:"
                + " \"rbac.authorization.k8s.io\", roleRef.kind: Unsupported value: \"Role\":"
                + " supported values: \"ClusterRole\", roleRef.name: Required value]");
  }

  @Test
  void aMissingRoleRefIsReportedFieldByField() {
    ObjectNode binding =
        yaml(
            """
            apiVersion: rbac.authorization.k8s.io/v1
            kind: RoleBinding
            metadata: {name: rb, namespace: ns}
            """);

    assertThat(RbacValidation.validate(binding))
        .extracting(FieldCause::error)
        .containsExactly(
            "roleRef.kind: Unsupported value: \"\": supported values: \"Role\", \"ClusterRole\"",
            "roleRef.name: Required value");
  }

  @Test
  void subjectNamesAndGroupsAreChecked() {
    ObjectNode binding =
        clusterRoleBinding(
            EVENT_WATCHER,
            """
            [{kind: ServiceAccount, name: Bad_Name, namespace: ns, apiGroup: v1},
             {kind: User, name: ''},
             {kind: Group, name: g, apiGroup: example.com}]""");

    assertThat(RbacValidation.validate(binding))
        .extracting(FieldCause::error)
        .containsExactly(
            "subjects[0].name: Invalid value: \"Bad_Name\": a lowercase RFC 1123 subdomain must"
                + " consist of lower case alphanumeric characters, '-' or '.', and must start and"
                + " end with an alphanumeric character (e.g. 'example.com', regex used for"
                + " validation is '[a-z0-9]([-a-z0-9]*[a-z0-9])?(\\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*')",
            "subjects[0].apiGroup: Unsupported value: \"v1\": supported values: \"\"",
            "subjects[1].name: Required value",
            "subjects[1].name: Invalid value: \"\": user name cannot be empty",
            "subjects[2].apiGroup: Unsupported value: \"example.com\": supported values:"
                + " \"rbac.authorization.k8s.io\"");
  }

  @Test
  void namesMayBeAnyPathSegmentIncludingColons() {
    ObjectNode ok =
        yaml(
            "{apiVersion: rbac.authorization.k8s.io/v1, kind: ClusterRole, metadata: {name: 'system:x'}}");
    ObjectNode dots =
        yaml(
            "{apiVersion: rbac.authorization.k8s.io/v1, kind: ClusterRole, metadata: {name: '..'}}");
    ObjectNode slash =
        yaml("{apiVersion: rbac.authorization.k8s.io/v1, kind: Role, metadata: {name: 'a/b%c'}}");
    ObjectNode none = yaml("{apiVersion: rbac.authorization.k8s.io/v1, kind: Role, metadata: {}}");

    assertThat(RbacValidation.validate(ok)).isEmpty();
    assertThat(RbacValidation.validate(dots))
        .extracting(FieldCause::error)
        .containsExactly("metadata.name: Invalid value: \"..\": may not be '..'");
    assertThat(RbacValidation.validate(slash))
        .extracting(FieldCause::error)
        .containsExactly(
            "metadata.name: Invalid value: \"a/b%c\": may not contain '/'",
            "metadata.name: Invalid value: \"a/b%c\": may not contain '%'");
    assertThat(RbacValidation.validate(none))
        .extracting(FieldCause::error)
        .containsExactly("metadata.name: Required value: name or generateName is required");
  }

  @Test
  void rulesNeedVerbsAndEitherResourcesOrUrls() {
    ObjectNode role =
        yaml(
            """
            apiVersion: rbac.authorization.k8s.io/v1
            kind: Role
            metadata: {name: r, namespace: ns}
            rules:
            - {apiGroups: [''], resources: [pods]}
            - {verbs: [get]}
            - {apiGroups: [''], resources: [pods, services], resourceNames: [x], verbs: [get]}
            - {nonResourceURLs: [/healthz], resources: [pods], verbs: [get]}
            """);

    assertThat(RbacValidation.validate(role))
        .extracting(FieldCause::error)
        .containsExactly(
            "rules[0].verbs: Required value: verbs must contain at least one value",
            "rules[1].apiGroups: Required value: resource rules must supply at least one api group",
            "rules[1].resources: Required value: resource rules must supply at least one resource",
            "rules[2].resourceNames: Required value: resource names cannot apply to multiple"
                + " resources",
            "rules[3].nonResourceURLs: Invalid value: []string{\"/healthz\"}: namespaced rules"
                + " cannot apply to non-resource URLs",
            "rules[3].nonResourceURLs: Invalid value: []string{\"/healthz\"}: rules cannot apply"
                + " to both regular resources and non-resource URLs");
    ObjectNode clusterRole =
        yaml(
            """
            apiVersion: rbac.authorization.k8s.io/v1
            kind: ClusterRole
            metadata: {name: health}
            rules: [{nonResourceURLs: [/healthz, /livez], verbs: [get]}]
            """);
    assertThat(RbacValidation.validate(clusterRole)).isEmpty();
  }

  @Test
  void theBootstrapPolicyIsValid() {
    for (ObjectNode object : BootstrapPolicy.objects()) {
      assertThat(RbacValidation.validate(object)).as(Nodes.name(object)).isEmpty();
    }
  }

  @Test
  void aBindingsRoleRefCannotChangeOnUpdate() {
    ObjectNode old = clusterRoleBinding(EVENT_WATCHER, "[{kind: User, name: a}]");
    ObjectNode sameAfterDefaults =
        clusterRoleBinding("{kind: ClusterRole, name: event-watcher}", "[{kind: User, name: b}]");
    ObjectNode changed =
        clusterRoleBinding("{kind: ClusterRole, name: cluster-admin}", "[{kind: User, name: a}]");

    assertThat(RbacValidation.validateUpdate(sameAfterDefaults, old)).isEmpty();
    assertThat(RbacValidation.validateUpdate(changed, old))
        .containsExactly(
            new FieldCause(
                "roleRef",
                "FieldValueInvalid",
                "Invalid value: rbac.RoleRef{APIGroup:\"rbac.authorization.k8s.io\","
                    + " Kind:\"ClusterRole\", Name:\"cluster-admin\"}: cannot change roleRef"));
  }

  @Test
  void onlyRbacKindsAreValidatedHere() {
    assertThatThrownBy(
            () -> RbacValidation.validate(yaml("{apiVersion: v1, kind: ServiceAccount}")))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("ServiceAccount");
  }
}
