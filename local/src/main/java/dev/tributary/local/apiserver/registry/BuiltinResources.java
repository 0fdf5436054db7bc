package dev.tributary.local.apiserver.registry;

import java.util.List;
import java.util.Locale;

/**
 * The resources every local cluster serves from the start, with Kubernetes' names, short names,
 * categories and subresources. Stateless.
 */
public final class BuiltinResources {

  private static final List<String> NONE = List.of();
  private static final List<String> ALL = List.of("all");
  private static final List<String> STATUS = List.of("status");
  private static final List<String> STATUS_SCALE = List.of("status", "scale");

  /** The verbs of the review resources (SubjectAccessReview & co.): create only. */
  public static final List<String> CREATE_ONLY = List.of("create");

  private BuiltinResources() {}

  /** Every built-in resource, in discovery order. */
  public static List<ResourceType> all() {
    return List.of(
        // core/v1
        of("", "v1", "Namespace", "namespaces", false, List.of("ns"), NONE, STATUS),
        of("", "v1", "Pod", "pods", true, List.of("po"), ALL, List.of("status", "log")),
        of("", "v1", "Service", "services", true, List.of("svc"), ALL, STATUS),
        of("", "v1", "Endpoints", "endpoints", true, List.of("ep"), NONE, NONE),
        of("", "v1", "Event", "events", true, List.of("ev"), NONE, NONE),
        of("", "v1", "ServiceAccount", "serviceaccounts", true, List.of("sa"), NONE, NONE),
        of("", "v1", "ConfigMap", "configmaps", true, List.of("cm"), NONE, NONE),
        of("", "v1", "Secret", "secrets", true, NONE, NONE, NONE),
        // apps/v1
        of("apps", "v1", "Deployment", "deployments", true, List.of("deploy"), ALL, STATUS_SCALE),
        of("apps", "v1", "ReplicaSet", "replicasets", true, List.of("rs"), ALL, STATUS_SCALE),
        of("apps", "v1", "StatefulSet", "statefulsets", true, List.of("sts"), ALL, STATUS_SCALE),
        of("apps", "v1", "DaemonSet", "daemonsets", true, List.of("ds"), ALL, STATUS),
        // batch/v1 and batch/v1beta1 (CronJob only, stored as batch/v1)
        of("batch", "v1", "Job", "jobs", true, NONE, ALL, STATUS),
        of("batch", "v1", "CronJob", "cronjobs", true, List.of("cj"), ALL, STATUS),
        new ResourceType(
            "batch",
            "v1beta1",
            "CronJob",
            "cronjobs",
            "cronjob",
            true,
            ResourceType.ALL_VERBS,
            List.of("cj"),
            NONE,
            STATUS,
            "v1",
            null),
        // events.k8s.io/v1 (stored on its own: no conversion with core/v1 events yet)
        of("events.k8s.io", "v1", "Event", "events", true, List.of("ev"), NONE, NONE),
        // rbac.authorization.k8s.io/v1
        of(
            "rbac.authorization.k8s.io",
            "v1",
            "ClusterRole",
            "clusterroles",
            false,
            NONE,
            NONE,
            NONE),
        of(
            "rbac.authorization.k8s.io",
            "v1",
            "ClusterRoleBinding",
            "clusterrolebindings",
            false,
            NONE,
            NONE,
            NONE),
        of("rbac.authorization.k8s.io", "v1", "Role", "roles", true, NONE, NONE, NONE),
        of(
            "rbac.authorization.k8s.io",
            "v1",
            "RoleBinding",
            "rolebindings",
            true,
            NONE,
            NONE,
            NONE),
        // authorization.k8s.io/v1: reviews, created and answered, never stored
        review("authorization.k8s.io", "SubjectAccessReview", "subjectaccessreviews"),
        review("authorization.k8s.io", "SelfSubjectAccessReview", "selfsubjectaccessreviews"),
        // authentication.k8s.io/v1: who am I (kubectl auth whoami), never stored
        review("authentication.k8s.io", "SelfSubjectReview", "selfsubjectreviews"),
        // coordination.k8s.io/v1
        of("coordination.k8s.io", "v1", "Lease", "leases", true, NONE, NONE, NONE),
        // admissionregistration.k8s.io/v1
        of(
            "admissionregistration.k8s.io",
            "v1",
            "MutatingWebhookConfiguration",
            "mutatingwebhookconfigurations",
            false,
            NONE,
            List.of("api-extensions"),
            NONE),
        of(
            "admissionregistration.k8s.io",
            "v1",
            "ValidatingWebhookConfiguration",
            "validatingwebhookconfigurations",
            false,
            NONE,
            List.of("api-extensions"),
            NONE),
        // apiextensions.k8s.io/v1
        of(
            "apiextensions.k8s.io",
            "v1",
            "CustomResourceDefinition",
            "customresourcedefinitions",
            false,
            List.of("crd", "crds"),
            List.of("api-extensions"),
            STATUS));
  }

  private static ResourceType review(String group, String kind, String plural) {
    return new ResourceType(
        group,
        "v1",
        kind,
        plural,
        kind.toLowerCase(Locale.ROOT),
        false,
        CREATE_ONLY,
        NONE,
        NONE,
        NONE,
        "v1",
        null);
  }

  private static ResourceType of(
      String group,
      String version,
      String kind,
      String plural,
      boolean namespaced,
      List<String> shortNames,
      List<String> categories,
      List<String> subresources) {
    return new ResourceType(
        group,
        version,
        kind,
        plural,
        kind.toLowerCase(Locale.ROOT),
        namespaced,
        ResourceType.ALL_VERBS,
        shortNames,
        categories,
        subresources,
        version,
        null);
  }
}
