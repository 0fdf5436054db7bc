package dev.tributary.local.apiserver.table;

import java.util.Map;

/**
 * The printers of the built-in kinds the local server serves, by API group and kind; everything
 * else gets kube-apiserver's default ({@code Name}, {@code Created At}), as Roles, ClusterRoles and
 * CustomResourceDefinitions do on a real server. Immutable, thread-safe.
 */
final class BuiltInPrinters {

  private static final RowPrinter DEFAULT = new DefaultPrinter();

  private final Map<String, RowPrinter> byGroupKind =
      Map.ofEntries(
          Map.entry(key("", "Pod"), new PodPrinter()),
          Map.entry(key("", "Service"), new ServicePrinter()),
          Map.entry(key("", "Endpoints"), CorePrinters.endpoints()),
          Map.entry(key("", "Namespace"), CorePrinters.namespace()),
          Map.entry(key("", "ConfigMap"), CorePrinters.configMap()),
          Map.entry(key("", "Secret"), CorePrinters.secret()),
          Map.entry(key("", "ServiceAccount"), CorePrinters.serviceAccount()),
          Map.entry(key("", "Event"), EventPrinter.core()),
          Map.entry(key("events.k8s.io", "Event"), EventPrinter.eventsApi()),
          Map.entry(key("apps", "Deployment"), WorkloadPrinters.deployment()),
          Map.entry(key("apps", "ReplicaSet"), WorkloadPrinters.replicaSet()),
          Map.entry(key("apps", "StatefulSet"), WorkloadPrinters.statefulSet()),
          Map.entry(key("apps", "DaemonSet"), WorkloadPrinters.daemonSet()),
          Map.entry(key("batch", "Job"), BatchPrinters.job()),
          Map.entry(key("batch", "CronJob"), BatchPrinters.cronJob()),
          Map.entry(key("coordination.k8s.io", "Lease"), CorePrinters.lease()),
          Map.entry(
              key("admissionregistration.k8s.io", "MutatingWebhookConfiguration"),
              CorePrinters.webhookConfiguration()),
          Map.entry(
              key("admissionregistration.k8s.io", "ValidatingWebhookConfiguration"),
              CorePrinters.webhookConfiguration()),
          Map.entry(
              key("rbac.authorization.k8s.io", "RoleBinding"),
              CorePrinters.roleBinding("roleBinding")),
          Map.entry(
              key("rbac.authorization.k8s.io", "ClusterRoleBinding"),
              CorePrinters.roleBinding("clusterRoleBinding")));

  /** The printer for a built-in kind; the default printer when it has none of its own. */
  RowPrinter forKind(String group, String kind) {
    return byGroupKind.getOrDefault(key(group, kind), DEFAULT);
  }

  private static String key(String group, String kind) {
    return group + "/" + kind;
  }
}
