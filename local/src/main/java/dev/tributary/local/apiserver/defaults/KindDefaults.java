package dev.tributary.local.apiserver.defaults;

import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * The {@code SetDefaults_*} of the built-in kinds the local cluster serves, by group and kind.
 * Objects are in their storage version; where a kind is served at several versions (CronJob at
 * batch/v1 and batch/v1beta1) their defaults are the same. RBAC bindings are defaulted by {@code
 * authz.RbacObjectRules}. Stateless; idempotent.
 */
public final class KindDefaults {

  private KindDefaults() {}

  /** Applies the defaults of {@code group}/{@code kind} to {@code object}, in place. */
  public static void apply(String group, String kind, ObjectNode object) {
    switch (group + "/" + kind) {
      case "/Pod" -> PodSpecDefaults.pod(object);
      case "/Service" -> CoreDefaults.service(object);
      case "/Secret" -> Fields.defaultText(object, "type", "Opaque");
      case "/Endpoints" -> CoreDefaults.endpoints(object);
      case "apps/Deployment" -> WorkloadDefaults.deployment(object);
      case "apps/ReplicaSet" -> WorkloadDefaults.replicaSet(object);
      case "apps/StatefulSet" -> WorkloadDefaults.statefulSet(object);
      case "apps/DaemonSet" -> WorkloadDefaults.daemonSet(object);
      case "batch/Job" -> WorkloadDefaults.job(object);
      case "batch/CronJob" -> WorkloadDefaults.cronJob(object);
      case "admissionregistration.k8s.io/MutatingWebhookConfiguration" ->
          WebhookDefaults.configuration(object, true);
      case "admissionregistration.k8s.io/ValidatingWebhookConfiguration" ->
          WebhookDefaults.configuration(object, false);
      default -> {}
    }
  }
}
