package dev.tributary.local.apiserver.patch;

import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The built-in kinds that accept a strategic merge patch, with their merging lists, transcribed
 * from the {@code patchStrategy:"merge" patchMergeKey:"..."} struct tags of k8s.io/api and
 * k8s.io/apimachinery (ObjectMeta). Any kind not listed here is a custom resource for patching
 * purposes: kube-apiserver refuses strategic merge patches for those with 415, and kubectl sends
 * them a merge patch instead.
 *
 * <p>Tags that only matter when computing a patch ({@code retainKeys} on {@code
 * DeploymentSpec.strategy} and {@code PodSpec.volumes}) are not recorded: applying a patch honours
 * a {@code $retainKeys} directive wherever it appears, exactly as kube-apiserver does.
 *
 * <p>A kind the API server starts serving must be added here, or strategic merge patches for it
 * will be refused.
 */
public final class BuiltinPatchSchemas {

  private static final String SET = "";

  /** metav1.ObjectMeta. */
  private static final Map<String, String> OBJECT_META =
      rules("ownerReferences", "uid", "finalizers", SET);

  /** core/v1 Container and EphemeralContainerCommon. */
  private static final Map<String, String> CONTAINER =
      rules(
          "ports", "containerPort",
          "env", "name",
          "volumeMounts", "mountPath",
          "volumeDevices", "devicePath");

  /** core/v1 PodSpec. */
  private static final Map<String, String> POD_SPEC =
      join(
          rules(
              "containers", "name",
              "initContainers", "name",
              "ephemeralContainers", "name",
              "volumes", "name",
              "imagePullSecrets", "name",
              "hostAliases", "ip",
              "topologySpreadConstraints", "topologyKey",
              "schedulingGates", "name",
              "resourceClaims", "name"),
          at("containers", CONTAINER),
          at("initContainers", CONTAINER),
          at("ephemeralContainers", CONTAINER));

  /** core/v1 PodStatus. */
  private static final Map<String, String> POD_STATUS =
      rules(
          "conditions", "type",
          "podIPs", "ip",
          "hostIPs", "ip",
          "resourceClaimStatuses", "name");

  /** core/v1 PodTemplateSpec. */
  private static final Map<String, String> POD_TEMPLATE =
      join(at("metadata", OBJECT_META), at("spec", POD_SPEC));

  /** The status of every controller kind: conditions merged by type. */
  private static final Map<String, String> CONDITIONS_STATUS = rules("conditions", "type");

  /** A pod-template workload (Deployment, ReplicaSet, StatefulSet, DaemonSet, Job). */
  private static final Map<String, String> WORKLOAD =
      join(at("spec.template", POD_TEMPLATE), at("status", CONDITIONS_STATUS));

  private static final Map<String, String> CRON_JOB =
      join(
          at("spec.jobTemplate.metadata", OBJECT_META),
          at("spec.jobTemplate.spec.template", POD_TEMPLATE));

  private static final Map<String, String> WEBHOOKS =
      rules("webhooks", "name", "webhooks.matchConditions", "name");

  private static final Map<String, String> NONE = Map.of();

  private final Map<String, PatchSchema> byKind;

  /** The table for the kinds the local API server serves. */
  public BuiltinPatchSchemas() {
    Map<String, Map<String, String>> kinds = new LinkedHashMap<>();
    kinds.put("v1/Pod", join(at("spec", POD_SPEC), at("status", POD_STATUS)));
    kinds.put("v1/PodTemplate", at("template", POD_TEMPLATE));
    kinds.put("v1/Service", rules("spec.ports", "port", "status.conditions", "type"));
    kinds.put("v1/ServiceAccount", rules("secrets", "name"));
    kinds.put("v1/Namespace", at("status", CONDITIONS_STATUS));
    kinds.put("v1/ConfigMap", NONE);
    kinds.put("v1/Secret", NONE);
    kinds.put("v1/Endpoints", NONE);
    kinds.put("v1/Event", NONE);
    kinds.put("events.k8s.io/v1/Event", NONE);
    kinds.put("apps/v1/Deployment", WORKLOAD);
    kinds.put("apps/v1/ReplicaSet", WORKLOAD);
    kinds.put("apps/v1/StatefulSet", WORKLOAD);
    kinds.put("apps/v1/DaemonSet", WORKLOAD);
    kinds.put("apps/v1/ControllerRevision", NONE);
    kinds.put("batch/v1/Job", WORKLOAD);
    kinds.put("batch/v1/CronJob", CRON_JOB);
    kinds.put("batch/v1beta1/CronJob", CRON_JOB);
    kinds.put("rbac.authorization.k8s.io/v1/Role", NONE);
    kinds.put("rbac.authorization.k8s.io/v1/ClusterRole", NONE);
    kinds.put("rbac.authorization.k8s.io/v1/RoleBinding", NONE);
    kinds.put("rbac.authorization.k8s.io/v1/ClusterRoleBinding", NONE);
    kinds.put("coordination.k8s.io/v1/Lease", NONE);
    kinds.put("admissionregistration.k8s.io/v1/MutatingWebhookConfiguration", WEBHOOKS);
    kinds.put("admissionregistration.k8s.io/v1/ValidatingWebhookConfiguration", WEBHOOKS);
    kinds.put("apiextensions.k8s.io/v1/CustomResourceDefinition", NONE);

    Map<String, PatchSchema> schemas = new HashMap<>();
    kinds.forEach(
        (kind, lists) -> schemas.put(kind, schema(join(at("metadata", OBJECT_META), lists))));
    this.byKind = Map.copyOf(schemas);
  }

  /**
   * The strategic-merge schema of a built-in kind, or empty for a kind that does not accept
   * strategic merge patches (custom resources).
   *
   * @param apiVersion e.g. {@code apps/v1}, or {@code v1} for the core group
   * @param kind e.g. {@code Deployment}
   */
  public Optional<PatchSchema> forKind(String apiVersion, String kind) {
    return Optional.ofNullable(byKind.get(apiVersion + "/" + kind));
  }

  /** Every {@code apiVersion/kind} in the table. */
  public Set<String> kinds() {
    return byKind.keySet();
  }

  private static PatchSchema schema(Map<String, String> rules) {
    Map<List<String>, ListMerge> lists = new HashMap<>();
    rules.forEach(
        (path, key) ->
            lists.put(
                List.of(path.split("\\.")),
                key.isEmpty() ? ListMerge.PRIMITIVE_SET : ListMerge.byKey(key)));
    return new PatchSchema(lists);
  }

  /** Pairs of (dotted path, merge key or {@link #SET}). */
  private static Map<String, String> rules(String... pathsAndKeys) {
    Map<String, String> rules = new LinkedHashMap<>();
    for (int i = 0; i < pathsAndKeys.length; i += 2) {
      rules.put(pathsAndKeys[i], pathsAndKeys[i + 1]);
    }
    return Map.copyOf(rules);
  }

  /** The rules of {@code fragment}, relocated under {@code prefix}. */
  private static Map<String, String> at(String prefix, Map<String, String> fragment) {
    Map<String, String> rules = new LinkedHashMap<>();
    fragment.forEach((path, key) -> rules.put(prefix + "." + path, key));
    return Map.copyOf(rules);
  }

  @SafeVarargs
  private static Map<String, String> join(Map<String, String>... parts) {
    Map<String, String> rules = new LinkedHashMap<>();
    Arrays.stream(parts).forEach(rules::putAll);
    return Map.copyOf(rules);
  }
}
