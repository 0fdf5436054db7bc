package dev.tributary.local.apiserver.rbac;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.List;

/**
 * The default ClusterRoles and ClusterRoleBindings a Kubernetes 1.32 cluster ships that matter
 * here, as {@code rbac.authorization.k8s.io/v1} objects labelled {@code
 * kubernetes.io/bootstrapping: rbac-defaults} and annotated {@code
 * rbac.authorization.kubernetes.io/autoupdate: "true"} as upstream's are. The server creates them
 * at first start, so {@code kubectl get clusterroles} shows them and the authorizer reads them like
 * any other object.
 *
 * <ul>
 *   <li>{@code cluster-admin} (everything), bound to group {@code system:masters};
 *   <li>{@code system:discovery} (GET {@code /version}, {@code /api}, {@code /apis}, {@code
 *       /openapi}, health endpoints) and {@code system:basic-user} (create selfsubjectaccessreviews
 *       and selfsubjectrulesreviews), bound to {@code system:authenticated};
 *   <li>{@code system:public-info-viewer} (GET {@code /version} and health endpoints), bound to
 *       {@code system:authenticated} and {@code system:unauthenticated};
 *   <li>the aggregated user-facing {@code admin}, {@code edit} and {@code view} and the {@code
 *       system:aggregate-to-*} roles they aggregate, for users who bind them in a namespace (their
 *       rules are upstream's for the core, apps, autoscaling, batch, extensions, policy and
 *       networking groups; upstream's later additions may be missing).
 * </ul>
 *
 * <p>Every call builds new objects, which the caller owns.
 */
public final class BootstrapPolicy {

  private static final String RBAC_GROUP = "rbac.authorization.k8s.io";
  private static final List<String> READ = List.of("get", "list", "watch");
  private static final List<String> WRITE =
      List.of("create", "delete", "deletecollection", "patch", "update");
  private static final List<String> READ_WRITE =
      List.of("create", "delete", "deletecollection", "get", "list", "patch", "update", "watch");
  private static final String AGGREGATE_TO = "rbac.authorization.k8s.io/aggregate-to-";

  private BootstrapPolicy() {}

  /** The default ClusterRoles followed by the default ClusterRoleBindings. */
  public static List<ObjectNode> objects() {
    List<ObjectNode> all = new ArrayList<>(clusterRoles());
    all.addAll(clusterRoleBindings());
    return all;
  }

  /** The default ClusterRoles. */
  public static List<ObjectNode> clusterRoles() {
    return List.of(
        clusterRole(
            "cluster-admin",
            rule(List.of("*"), List.of("*"), List.of("*")),
            urlRule(List.of("*"), List.of("*"))),
        clusterRole(
            "system:discovery",
            urlRule(
                List.of("get"),
                List.of(
                    "/api",
                    "/api/*",
                    "/apis",
                    "/apis/*",
                    "/healthz",
                    "/livez",
                    "/openapi",
                    "/openapi/*",
                    "/readyz",
                    "/version",
                    "/version/"))),
        clusterRole(
            "system:basic-user",
            rule(
                List.of("create"),
                List.of("authorization.k8s.io"),
                List.of("selfsubjectaccessreviews", "selfsubjectrulesreviews")),
            rule(
                List.of("create"),
                List.of("authentication.k8s.io"),
                List.of("selfsubjectreviews"))),
        clusterRole(
            "system:public-info-viewer",
            urlRule(
                List.of("get"), List.of("/healthz", "/livez", "/readyz", "/version", "/version/"))),
        aggregated("admin", "admin", null),
        aggregated("edit", "edit", "admin"),
        aggregated("view", "view", "edit"),
        aggregateTo(
            "admin",
            rule(
                List.of("create"),
                List.of("authorization.k8s.io"),
                List.of("localsubjectaccessreviews")),
            rule(READ_WRITE, List.of(RBAC_GROUP), List.of("rolebindings", "roles"))),
        aggregateTo(
            "edit",
            rule(
                READ,
                List.of(""),
                List.of(
                    "pods/attach",
                    "pods/exec",
                    "pods/portforward",
                    "pods/proxy",
                    "secrets",
                    "services/proxy")),
            rule(List.of("impersonate"), List.of(""), List.of("serviceaccounts")),
            rule(
                WRITE,
                List.of(""),
                List.of("pods", "pods/attach", "pods/exec", "pods/portforward", "pods/proxy")),
            rule(
                WRITE,
                List.of(""),
                List.of(
                    "configmaps",
                    "endpoints",
                    "persistentvolumeclaims",
                    "replicationcontrollers",
                    "replicationcontrollers/scale",
                    "secrets",
                    "serviceaccounts",
                    "services",
                    "services/proxy")),
            rule(
                WRITE,
                List.of("apps"),
                List.of(
                    "daemonsets",
                    "deployments",
                    "deployments/rollback",
                    "deployments/scale",
                    "replicasets",
                    "replicasets/scale",
                    "statefulsets",
                    "statefulsets/scale")),
            rule(WRITE, List.of("autoscaling"), List.of("horizontalpodautoscalers")),
            rule(WRITE, List.of("batch"), List.of("cronjobs", "jobs")),
            rule(
                WRITE,
                List.of("extensions"),
                List.of(
                    "daemonsets",
                    "deployments",
                    "deployments/rollback",
                    "deployments/scale",
                    "ingresses",
                    "networkpolicies",
                    "replicasets",
                    "replicasets/scale",
                    "replicationcontrollers/scale")),
            rule(WRITE, List.of("policy"), List.of("poddisruptionbudgets")),
            rule(WRITE, List.of("networking.k8s.io"), List.of("ingresses", "networkpolicies"))),
        aggregateTo(
            "view",
            rule(
                READ,
                List.of(""),
                List.of(
                    "configmaps",
                    "endpoints",
                    "persistentvolumeclaims",
                    "persistentvolumeclaims/status",
                    "pods",
                    "replicationcontrollers",
                    "replicationcontrollers/scale",
                    "serviceaccounts",
                    "services",
                    "services/status")),
            rule(
                READ,
                List.of(""),
                List.of(
                    "bindings",
                    "events",
                    "limitranges",
                    "namespaces/status",
                    "pods/log",
                    "pods/status",
                    "replicationcontrollers/status",
                    "resourcequotas",
                    "resourcequotas/status")),
            rule(READ, List.of(""), List.of("namespaces")),
            rule(
                READ,
                List.of("apps"),
                List.of(
                    "controllerrevisions",
                    "daemonsets",
                    "daemonsets/status",
                    "deployments",
                    "deployments/scale",
                    "deployments/status",
                    "replicasets",
                    "replicasets/scale",
                    "replicasets/status",
                    "statefulsets",
                    "statefulsets/scale",
                    "statefulsets/status")),
            rule(
                READ,
                List.of("autoscaling"),
                List.of("horizontalpodautoscalers", "horizontalpodautoscalers/status")),
            rule(
                READ,
                List.of("batch"),
                List.of("cronjobs", "cronjobs/status", "jobs", "jobs/status")),
            rule(
                READ,
                List.of("extensions"),
                List.of(
                    "daemonsets",
                    "daemonsets/status",
                    "deployments",
                    "deployments/scale",
                    "deployments/status",
                    "ingresses",
                    "ingresses/status",
                    "networkpolicies",
                    "replicasets",
                    "replicasets/scale",
                    "replicasets/status",
                    "replicationcontrollers/scale")),
            rule(
                READ,
                List.of("policy"),
                List.of("poddisruptionbudgets", "poddisruptionbudgets/status")),
            rule(
                READ,
                List.of("networking.k8s.io"),
                List.of("ingresses", "ingresses/status", "networkpolicies"))));
  }

  /** The default ClusterRoleBindings. */
  public static List<ObjectNode> clusterRoleBindings() {
    return List.of(
        clusterRoleBinding("cluster-admin", "system:masters"),
        clusterRoleBinding("system:basic-user", "system:authenticated"),
        clusterRoleBinding("system:discovery", "system:authenticated"),
        clusterRoleBinding(
            "system:public-info-viewer", "system:authenticated", "system:unauthenticated"));
  }

  private static ObjectNode clusterRole(String name, ObjectNode... rules) {
    ObjectNode role = object("ClusterRole", name);
    ArrayNode array = role.putArray("rules");
    for (ObjectNode rule : rules) {
      array.add(rule);
    }
    return role;
  }

  /** {@code admin}, {@code edit} or {@code view}: aggregates its aggregate-to label. */
  private static ObjectNode aggregated(String name, String aggregates, String aggregatedInto) {
    ObjectNode role = object("ClusterRole", name);
    if (aggregatedInto != null) {
      ((ObjectNode) role.get("metadata").get("labels")).put(AGGREGATE_TO + aggregatedInto, "true");
    }
    role.putObject("aggregationRule")
        .putArray("clusterRoleSelectors")
        .addObject()
        .putObject("matchLabels")
        .put(AGGREGATE_TO + aggregates, "true");
    role.putArray("rules");
    return role;
  }

  private static ObjectNode aggregateTo(String target, ObjectNode... rules) {
    ObjectNode role = clusterRole("system:aggregate-to-" + target, rules);
    ((ObjectNode) role.get("metadata").get("labels")).put(AGGREGATE_TO + target, "true");
    return role;
  }

  private static ObjectNode clusterRoleBinding(String name, String... groups) {
    ObjectNode binding = object("ClusterRoleBinding", name);
    binding
        .putObject("roleRef")
        .put("apiGroup", RBAC_GROUP)
        .put("kind", "ClusterRole")
        .put("name", name);
    ArrayNode subjects = binding.putArray("subjects");
    for (String group : groups) {
      subjects.addObject().put("apiGroup", RBAC_GROUP).put("kind", "Group").put("name", group);
    }
    return binding;
  }

  private static ObjectNode object(String kind, String name) {
    ObjectNode object = Nodes.FACTORY.objectNode();
    object.put("apiVersion", RBAC_GROUP + "/v1");
    object.put("kind", kind);
    ObjectNode metadata = object.putObject("metadata");
    metadata.put("name", name);
    metadata.putObject("labels").put("kubernetes.io/bootstrapping", "rbac-defaults");
    metadata.putObject("annotations").put("rbac.authorization.kubernetes.io/autoupdate", "true");
    return object;
  }

  private static ObjectNode rule(List<String> verbs, List<String> groups, List<String> resources) {
    ObjectNode rule = Nodes.FACTORY.objectNode();
    rule.set("apiGroups", Nodes.stringArray(groups));
    rule.set("resources", Nodes.stringArray(resources));
    rule.set("verbs", Nodes.stringArray(verbs));
    return rule;
  }

  private static ObjectNode urlRule(List<String> verbs, List<String> urls) {
    ObjectNode rule = Nodes.FACTORY.objectNode();
    rule.set("nonResourceURLs", Nodes.stringArray(urls));
    rule.set("verbs", Nodes.stringArray(verbs));
    return rule;
  }
}
