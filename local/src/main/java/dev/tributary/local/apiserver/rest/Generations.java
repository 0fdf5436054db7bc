package dev.tributary.local.apiserver.rest;

import dev.tributary.local.apiserver.registry.ResourceType;
import java.util.Set;

/**
 * Which kinds keep {@code metadata.generation}: those whose kube-apiserver strategy sets it to 1 on
 * create and bumps it when the spec changes (the workload kinds, webhook configurations, CRDs and
 * every custom resource). The others (ConfigMap, Secret, Service, Namespace, Pod in 1.32,
 * ServiceAccount, RBAC, Lease, Event, Endpoints) keep whatever generation the client sent on create
 * and the old one on update, as {@code rest.BeforeUpdate} does for every kind.
 */
final class Generations {

  private static final Set<String> TRACKED =
      Set.of(
          "apps/Deployment",
          "apps/ReplicaSet",
          "apps/StatefulSet",
          "apps/DaemonSet",
          "batch/Job",
          "batch/CronJob",
          "admissionregistration.k8s.io/MutatingWebhookConfiguration",
          "admissionregistration.k8s.io/ValidatingWebhookConfiguration",
          "apiextensions.k8s.io/CustomResourceDefinition");

  private Generations() {}

  /** Whether objects of {@code type} have a server-kept generation. */
  static boolean tracked(ResourceType type) {
    return type.isCustom() || TRACKED.contains(type.group() + "/" + type.kind());
  }
}
