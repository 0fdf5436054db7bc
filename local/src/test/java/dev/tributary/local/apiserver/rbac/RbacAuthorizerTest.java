package dev.tributary.local.apiserver.rbac;

import static dev.tributary.local.apiserver.rbac.Objects.yaml;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.tributary.local.security.UserInfo;
import java.util.List;
import org.junit.jupiter.api.Test;

class RbacAuthorizerTest {

  private static final UserInfo ALICE = new UserInfo("alice", "", List.of("system:authenticated"));
  private static final UserInfo EVENTS_SA =
      UserInfo.serviceAccount("default", "events-sa", "uid-1");
  private static final UserInfo ADMIN =
      new UserInfo("kubernetes-admin", "", List.of("system:masters", "system:authenticated"));

  private static ObjectNode clusterRole(String name, String rules) {
    return yaml(
        """
        apiVersion: rbac.authorization.k8s.io/v1
        kind: ClusterRole
        metadata: {name: %s}
        rules: %s
        """
            .formatted(name, rules));
  }

  private static ObjectNode role(String namespace, String name, String rules) {
    return yaml(
        """
        apiVersion: rbac.authorization.k8s.io/v1
        kind: Role
        metadata: {name: %s, namespace: %s}
        rules: %s
        """
            .formatted(name, namespace, rules));
  }

  private static ObjectNode clusterRoleBinding(String name, String roleName, String subjects) {
    return yaml(
        """
        apiVersion: rbac.authorization.k8s.io/v1
        kind: ClusterRoleBinding
        metadata: {name: %s}
        roleRef: {apiGroup: rbac.authorization.k8s.io, kind: ClusterRole, name: %s}
        subjects: %s
        """
            .formatted(name, roleName, subjects));
  }

  private static ObjectNode roleBinding(
      String namespace, String name, String roleKind, String roleName, String subjects) {
    return yaml(
        """
        apiVersion: rbac.authorization.k8s.io/v1
        kind: RoleBinding
        metadata: {name: %s, namespace: %s}
        roleRef: {apiGroup: rbac.authorization.k8s.io, kind: %s, name: %s}
        subjects: %s
        """
            .formatted(name, namespace, roleKind, roleName, subjects));
  }

  private static Authorizer authorizer(ObjectNode... objects) {
    return new RbacAuthorizer(InMemoryRbacObjects.of(List.of(objects)));
  }

  private static RequestAttributes request(
      UserInfo user, String verb, String group, String resource, String namespace) {
    return RequestAttributes.resource(user, verb, group, resource, "", namespace, "");
  }

  @Test
  void systemMastersMayDoAnythingWithoutAnyBinding() {
    Authorizer rbac = authorizer();

    Decision decision = rbac.authorize(request(ADMIN, "delete", "apps", "deployments", "x"));

    assertThat(decision.allowed()).isTrue();
    assertThat(decision.reason()).isEmpty();
    assertThat(rbac.authorize(RequestAttributes.nonResource(ADMIN, "get", "/anything")).allowed())
        .isTrue();
  }

  @Test
  void nothingIsAllowedWithoutABindingAndTheDenialReadsLikeKubeApiserversForbidden() {
    Decision decision = authorizer().authorize(request(EVENTS_SA, "list", "", "events", "default"));

    assertThat(decision.allowed()).isFalse();
    assertThat(decision.reason())
        .isEqualTo(
            "User \"system:serviceaccount:default:events-sa\" cannot list resource \"events\" in"
                + " API group \"\" in the namespace \"default\"");
    assertThat(decision.authorizerReason()).isEmpty();
  }

  @Test
  void aClusterRoleBindingGrantsItsRulesInEveryNamespaceAndSaysSo() {
    Authorizer rbac =
        authorizer(
            clusterRole(
                "event-watcher",
                "[{apiGroups: [''], resources: [events], verbs: [get, list, watch]}]"),
            clusterRoleBinding(
                "b",
                "event-watcher",
                "[{kind: ServiceAccount, name: events-sa, namespace: default}]"));

    Decision list = rbac.authorize(request(EVENTS_SA, "list", "", "events", "other"));

    assertThat(list.allowed()).isTrue();
    assertThat(list.reason())
        .isEqualTo(
            "RBAC: allowed by ClusterRoleBinding \"b\" of ClusterRole \"event-watcher\" to"
                + " ServiceAccount \"events-sa/default\"");
    assertThat(rbac.authorize(request(EVENTS_SA, "watch", "", "events", "")).allowed()).isTrue();
    assertThat(rbac.authorize(request(EVENTS_SA, "create", "", "events", "default")).allowed())
        .isFalse();
    assertThat(rbac.authorize(request(EVENTS_SA, "list", "", "pods", "default")).allowed())
        .isFalse();
    assertThat(
            rbac.authorize(request(EVENTS_SA, "list", "events.k8s.io", "events", "default"))
                .allowed())
        .isFalse();
    assertThat(rbac.authorize(request(ALICE, "list", "", "events", "default")).allowed()).isFalse();
  }

  @Test
  void aServiceAccountSubjectWithoutNamespaceMatchesNobodyInAClusterRoleBinding() {
    Authorizer rbac =
        authorizer(
            clusterRole("all", "[{apiGroups: ['*'], resources: ['*'], verbs: ['*']}]"),
            clusterRoleBinding("b", "all", "[{kind: ServiceAccount, name: events-sa}]"));

    assertThat(rbac.authorize(request(EVENTS_SA, "list", "", "events", "default")).allowed())
        .isFalse();
  }

  @Test
  void aRoleBindingsServiceAccountSubjectWithoutNamespaceMeansTheBindingsNamespace() {
    Authorizer rbac =
        authorizer(
            role("default", "r", "[{apiGroups: [''], resources: [events], verbs: [list]}]"),
            roleBinding("default", "rb", "Role", "r", "[{kind: ServiceAccount, name: events-sa}]"),
            role("other", "r", "[{apiGroups: [''], resources: [events], verbs: [list]}]"),
            roleBinding("other", "rb", "Role", "r", "[{kind: ServiceAccount, name: events-sa}]"));

    Decision allowed = rbac.authorize(request(EVENTS_SA, "list", "", "events", "default"));

    assertThat(allowed.allowed()).isTrue();
    assertThat(allowed.reason())
        .isEqualTo(
            "RBAC: allowed by RoleBinding \"rb/default\" of Role \"r\" to ServiceAccount"
                + " \"events-sa/default\"");
    assertThat(rbac.authorize(request(EVENTS_SA, "list", "", "events", "other")).allowed())
        .isFalse();
  }

  @Test
  void aRoleBindingToAClusterRoleGrantsItOnlyInTheBindingsNamespace() {
    Authorizer rbac =
        authorizer(
            clusterRole("reader", "[{apiGroups: [''], resources: [pods], verbs: [get, list]}]"),
            roleBinding("team", "rb", "ClusterRole", "reader", "[{kind: User, name: alice}]"));

    assertThat(rbac.authorize(request(ALICE, "list", "", "pods", "team")).allowed()).isTrue();
    assertThat(rbac.authorize(request(ALICE, "list", "", "pods", "default")).allowed()).isFalse();
    assertThat(rbac.authorize(request(ALICE, "list", "", "pods", "")).allowed()).isFalse();
  }

  @Test
  void aRoleIsLookedUpInTheBindingsOwnNamespace() {
    Authorizer rbac =
        authorizer(
            role("elsewhere", "r", "[{apiGroups: [''], resources: [pods], verbs: [list]}]"),
            roleBinding("team", "rb", "Role", "r", "[{kind: User, name: alice}]"));

    Decision decision = rbac.authorize(request(ALICE, "list", "", "pods", "team"));

    assertThat(decision.allowed()).isFalse();
    assertThat(decision.authorizerReason())
        .isEqualTo("RBAC: role.rbac.authorization.k8s.io \"r\" not found");
    assertThat(decision.reason())
        .isEqualTo(
            "User \"alice\" cannot list resource \"pods\" in API group \"\" in the namespace"
                + " \"team\": RBAC: role.rbac.authorization.k8s.io \"r\" not found");
  }

  @Test
  void groupSubjectsMatchByMembership() {
    Authorizer rbac =
        authorizer(
            clusterRole("r", "[{apiGroups: [''], resources: [configmaps], verbs: [get]}]"),
            clusterRoleBinding("b", "r", "[{kind: Group, name: system:serviceaccounts:default}]"));

    assertThat(rbac.authorize(request(EVENTS_SA, "get", "", "configmaps", "x")).allowed()).isTrue();
    assertThat(
            rbac.authorize(
                    request(
                        UserInfo.serviceAccount("other", "events-sa", ""),
                        "get",
                        "",
                        "configmaps",
                        "x"))
                .allowed())
        .isFalse();
  }

  @Test
  void subjectsOfUnknownKindAndBindingsForOthersGrantNothing() {
    Authorizer rbac =
        authorizer(
            clusterRole("r", "[{apiGroups: ['*'], resources: ['*'], verbs: ['*']}]"),
            clusterRoleBinding(
                "b",
                "r",
                "[{kind: Robot, name: alice}, {kind: User, name: alicia},"
                    + " {kind: ServiceAccount, name: events-sa, namespace: other}]"));

    assertThat(rbac.authorize(request(ALICE, "get", "", "pods", "x")).allowed()).isFalse();
    assertThat(rbac.authorize(request(EVENTS_SA, "get", "", "pods", "x")).allowed()).isFalse();
  }

  @Test
  void subresourcesNeedTheirOwnRuleOrAStarSlashForm() {
    Authorizer rbac =
        authorizer(
            clusterRole(
                "r",
                """
                [{apiGroups: [''], resources: [pods], verbs: [get]},
                 {apiGroups: [''], resources: [pods/log], verbs: [get]},
                 {apiGroups: ['*'], resources: ['*/status'], verbs: [update]}]"""),
            clusterRoleBinding("b", "r", "[{kind: User, name: alice}]"));

    assertThat(rbac.authorize(sub("get", "", "pods", "log")).allowed()).isTrue();
    assertThat(rbac.authorize(sub("get", "", "pods", "exec")).allowed()).isFalse();
    assertThat(rbac.authorize(sub("update", "apps", "deployments", "status")).allowed()).isTrue();
    assertThat(rbac.authorize(sub("update", "apps", "deployments", "scale")).allowed()).isFalse();
    assertThat(rbac.authorize(sub("update", "apps", "deployments", "")).allowed()).isFalse();
    Decision denied = rbac.authorize(sub("get", "", "pods", "exec"));
    assertThat(denied.reason())
        .isEqualTo(
            "User \"alice\" cannot get resource \"pods/exec\" in API group \"\" in the namespace"
                + " \"ns\"");
  }

  private static RequestAttributes sub(
      String verb, String group, String resource, String subresource) {
    return RequestAttributes.resource(ALICE, verb, group, resource, subresource, "ns", "x");
  }

  @Test
  void resourceNamesRestrictARuleToNamedObjects() {
    Authorizer rbac =
        authorizer(
            clusterRole(
                "r",
                "[{apiGroups: [coordination.k8s.io], resources: [leases], resourceNames: [lock],"
                    + " verbs: [get, update]}]"),
            clusterRoleBinding("b", "r", "[{kind: User, name: alice}]"));

    assertThat(rbac.authorize(named("get", "lock")).allowed()).isTrue();
    assertThat(rbac.authorize(named("get", "other")).allowed()).isFalse();
    assertThat(rbac.authorize(named("get", "")).allowed()).isFalse();
  }

  private static RequestAttributes named(String verb, String name) {
    return RequestAttributes.resource(ALICE, verb, "coordination.k8s.io", "leases", "", "ns", name);
  }

  @Test
  void wildcardsMatchAnyVerbGroupAndResource() {
    Authorizer rbac =
        authorizer(
            clusterRole("r", "[{apiGroups: ['*'], resources: ['*'], verbs: ['*']}]"),
            clusterRoleBinding("b", "r", "[{kind: User, name: alice}]"));

    assertThat(rbac.authorize(sub("escalate", "rbac.authorization.k8s.io", "roles", "")).allowed())
        .isTrue();
    assertThat(rbac.authorize(sub("get", "", "pods", "log")).allowed()).isTrue();
    assertThat(rbac.authorize(RequestAttributes.nonResource(ALICE, "get", "/version")).allowed())
        .as("resource rules never cover non-resource URLs")
        .isFalse();
  }

  @Test
  void nonResourceUrlsMatchExactlyOrByAStarSuffix() {
    Authorizer rbac =
        authorizer(
            clusterRole("r", "[{nonResourceURLs: [/healthz, /logs/*], verbs: [get]}]"),
            clusterRoleBinding("b", "r", "[{kind: User, name: alice}]"));

    assertThat(rbac.authorize(path("get", "/healthz")).allowed()).isTrue();
    assertThat(rbac.authorize(path("get", "/healthz/etcd")).allowed()).isFalse();
    assertThat(rbac.authorize(path("get", "/logs/a/b")).allowed()).isTrue();
    assertThat(rbac.authorize(path("get", "/logs")).allowed()).isFalse();
    assertThat(rbac.authorize(path("post", "/healthz")).allowed()).isFalse();
    assertThat(rbac.authorize(path("post", "/healthz")).reason())
        .isEqualTo("User \"alice\" cannot post path \"/healthz\"");
  }

  private static RequestAttributes path(String verb, String path) {
    return RequestAttributes.nonResource(ALICE, verb, path);
  }

  @Test
  void missingRolesAreReportedOnlyForBindingsThatApplyAndNotWhenSomethingElseAllows() {
    Authorizer rbac =
        authorizer(
            clusterRoleBinding("gone", "missing", "[{kind: User, name: alice}]"),
            clusterRoleBinding("gone-for-bob", "missing-too", "[{kind: User, name: bob}]"),
            roleBinding("ns", "rb", "Role", "nope", "[{kind: User, name: alice}]"),
            roleBinding("ns", "odd", "Thing", "x", "[{kind: User, name: alice}]"));

    Decision denied = rbac.authorize(request(ALICE, "get", "", "pods", "ns"));

    assertThat(denied.authorizerReason())
        .isEqualTo(
            "RBAC: [clusterrole.rbac.authorization.k8s.io \"missing\" not found,"
                + " role.rbac.authorization.k8s.io \"nope\" not found,"
                + " unsupported role reference kind: \"Thing\"]");

    Authorizer alsoAllowed =
        authorizer(
            clusterRoleBinding("gone", "missing", "[{kind: User, name: alice}]"),
            clusterRole("r", "[{apiGroups: [''], resources: [pods], verbs: [get]}]"),
            clusterRoleBinding("ok", "r", "[{kind: User, name: alice}]"));
    Decision allowed = alsoAllowed.authorize(request(ALICE, "get", "", "pods", "ns"));
    assertThat(allowed.allowed()).isTrue();
    assertThat(allowed.reason()).doesNotContain("not found");
  }

  @Test
  void anAggregatedClusterRoleHasTheRulesOfEveryRoleItsSelectorsMatch() {
    ObjectNode aggregated =
        yaml(
            """
            apiVersion: rbac.authorization.k8s.io/v1
            kind: ClusterRole
            metadata: {name: monitoring}
            aggregationRule:
              clusterRoleSelectors:
              - matchLabels: {example.com/aggregate-to-monitoring: "true"}
              - matchExpressions:
                - {key: tier, operator: In, values: [metrics]}
            rules:
            - {apiGroups: [''], resources: [secrets], verbs: [get]}
            """);
    ObjectNode byLabel =
        clusterRole("events", "[{apiGroups: [''], resources: [events], verbs: [list]}]");
    byLabel
        .withObjectProperty("metadata")
        .putObject("labels")
        .put("example.com/aggregate-to-monitoring", "true");
    ObjectNode byExpression =
        clusterRole("pods", "[{apiGroups: [''], resources: [pods], verbs: [list]}]");
    byExpression.withObjectProperty("metadata").putObject("labels").put("tier", "metrics");
    ObjectNode unrelated =
        clusterRole("nodes", "[{apiGroups: [''], resources: [nodes], verbs: [list]}]");
    unrelated
        .withObjectProperty("metadata")
        .putObject("labels")
        .put("example.com/aggregate-to-monitoring", "false");
    Authorizer rbac =
        authorizer(
            aggregated,
            byLabel,
            byExpression,
            unrelated,
            roleBinding("ns", "rb", "ClusterRole", "monitoring", "[{kind: User, name: alice}]"));

    assertThat(rbac.authorize(request(ALICE, "list", "", "events", "ns")).allowed()).isTrue();
    assertThat(rbac.authorize(request(ALICE, "list", "", "pods", "ns")).allowed()).isTrue();
    assertThat(rbac.authorize(request(ALICE, "list", "", "nodes", "ns")).allowed()).isFalse();
    assertThat(rbac.authorize(request(ALICE, "get", "", "secrets", "ns")).allowed())
        .as("an aggregated role's own rules are what the aggregation controller overwrites")
        .isFalse();
  }

  @Test
  void aggregationFollowsChainsAndSurvivesCycles() {
    ObjectNode a = aggregating("a", "to-a", "to-b");
    ObjectNode b = aggregating("b", "to-b", "to-a");
    ObjectNode leaf = clusterRole("leaf", "[{apiGroups: [''], resources: [pods], verbs: [get]}]");
    leaf.withObjectProperty("metadata").putObject("labels").put("to-b", "true");
    Authorizer rbac =
        authorizer(a, b, leaf, clusterRoleBinding("bind", "a", "[{kind: User, name: alice}]"));

    assertThat(rbac.authorize(request(ALICE, "get", "", "pods", "x")).allowed()).isTrue();
    assertThat(rbac.authorize(request(ALICE, "list", "", "pods", "x")).allowed()).isFalse();
  }

  /** A ClusterRole aggregating label {@code selects} and labelled {@code label}. */
  private static ObjectNode aggregating(String name, String selects, String label) {
    return yaml(
        """
        apiVersion: rbac.authorization.k8s.io/v1
        kind: ClusterRole
        metadata:
          name: %s
          labels: {%s: "true"}
        aggregationRule:
          clusterRoleSelectors: [{matchLabels: {%s: "true"}}]
        """
            .formatted(name, label, selects));
  }

  @Test
  void theBootstrapPolicyLetsEveryAuthenticatedUserDiscoverTheApiAndNothingMore() {
    Authorizer rbac = new RbacAuthorizer(InMemoryRbacObjects.withBootstrapPolicy(List.of()));

    for (String path :
        List.of(
            "/version",
            "/api",
            "/api/v1",
            "/apis",
            "/apis/apps/v1",
            "/openapi/v3",
            "/openapi/v3/api/v1",
            "/healthz",
            "/livez",
            "/readyz")) {
      Decision decision = rbac.authorize(RequestAttributes.nonResource(EVENTS_SA, "get", path));
      assertThat(decision.allowed()).as(path).isTrue();
    }
    assertThat(rbac.authorize(RequestAttributes.nonResource(EVENTS_SA, "get", "/version")).reason())
        .isEqualTo(
            "RBAC: allowed by ClusterRoleBinding \"system:discovery\" of ClusterRole"
                + " \"system:discovery\" to Group \"system:authenticated\"");
    assertThat(
            rbac.authorize(
                    request(
                        EVENTS_SA,
                        "create",
                        "authorization.k8s.io",
                        "selfsubjectaccessreviews",
                        ""))
                .allowed())
        .isTrue();
    assertThat(
            rbac.authorize(
                    request(
                        EVENTS_SA, "create", "authorization.k8s.io", "subjectaccessreviews", ""))
                .allowed())
        .isFalse();
    assertThat(
            rbac.authorize(RequestAttributes.nonResource(EVENTS_SA, "get", "/metrics")).allowed())
        .isFalse();
    assertThat(rbac.authorize(request(EVENTS_SA, "list", "", "pods", "default")).allowed())
        .isFalse();

    UserInfo anonymous = new UserInfo("system:anonymous", "", List.of("system:unauthenticated"));
    assertThat(
            rbac.authorize(RequestAttributes.nonResource(anonymous, "get", "/version")).allowed())
        .isTrue();
    assertThat(rbac.authorize(RequestAttributes.nonResource(anonymous, "get", "/apis")).allowed())
        .isFalse();
  }

  @Test
  void theBootstrapClusterAdminRoleAllowsEverythingToWhoeverIsBoundToIt() {
    Authorizer rbac =
        new RbacAuthorizer(
            InMemoryRbacObjects.withBootstrapPolicy(
                List.of(
                    clusterRoleBinding(
                        "alice-admin", "cluster-admin", "[{kind: User, name: alice}]"))));

    Decision decision = rbac.authorize(sub("delete", "apps", "deployments", "scale"));

    assertThat(decision.allowed()).isTrue();
    assertThat(decision.reason())
        .isEqualTo(
            "RBAC: allowed by ClusterRoleBinding \"alice-admin\" of ClusterRole \"cluster-admin\""
                + " to User \"alice\"");
    assertThat(rbac.authorize(path("post", "/logs/x")).allowed()).isTrue();
    assertThat(BootstrapPolicy.clusterRoleBindings())
        .anySatisfy(
            b -> {
              assertThat(b.at("/metadata/name").asText()).isEqualTo("cluster-admin");
              assertThat(b.at("/subjects/0/kind").asText()).isEqualTo("Group");
              assertThat(b.at("/subjects/0/name").asText()).isEqualTo("system:masters");
            });
  }

  @Test
  void editAndViewAggregateTheirBootstrapRoles() {
    Authorizer rbac =
        new RbacAuthorizer(
            InMemoryRbacObjects.withBootstrapPolicy(
                List.of(
                    roleBinding(
                        "team", "viewers", "ClusterRole", "view", "[{kind: User, name: alice}]"),
                    roleBinding(
                        "team",
                        "editors",
                        "ClusterRole",
                        "edit",
                        "[{kind: ServiceAccount, name: events-sa, namespace: default}]"))));

    assertThat(rbac.authorize(request(ALICE, "list", "", "pods", "team")).allowed()).isTrue();
    assertThat(rbac.authorize(request(ALICE, "list", "", "events", "team")).allowed()).isTrue();
    assertThat(rbac.authorize(request(ALICE, "list", "", "secrets", "team")).allowed()).isFalse();
    assertThat(rbac.authorize(request(ALICE, "create", "", "pods", "team")).allowed()).isFalse();
    assertThat(
            rbac.authorize(request(EVENTS_SA, "create", "apps", "deployments", "team")).allowed())
        .isTrue();
    assertThat(rbac.authorize(request(EVENTS_SA, "list", "", "pods", "team")).allowed())
        .as("edit includes view")
        .isTrue();
    assertThat(
            rbac.authorize(
                    request(EVENTS_SA, "create", "rbac.authorization.k8s.io", "roles", "team"))
                .allowed())
        .as("roles are admin's, not edit's")
        .isFalse();
  }
}
