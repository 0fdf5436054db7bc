package dev.tributary.adapters.apiserver;

import dev.tributary.api.sources.apiserver.GroupVersionResource;
import io.fabric8.kubernetes.api.model.APIResource;
import io.fabric8.kubernetes.api.model.APIResourceList;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.dsl.base.ResourceDefinitionContext;
import java.util.ArrayList;
import java.util.List;

/**
 * One list+watch the adapter runs: a resource in one namespace, or cluster-wide (when the source
 * watches all namespaces, or the resource is cluster-scoped), with a label selector.
 *
 * @param gvr the resource
 * @param kind the kind API discovery reports for it
 * @param namespace the namespace watched; null for cluster-wide
 * @param namespaced whether the resource is namespaced
 * @param selector the label selector in string form; "" for all objects
 */
record WatchTarget(
    GroupVersionResource gvr, String kind, String namespace, boolean namespaced, String selector) {

  /**
   * The targets for {@code watch}, as upstream: one per namespace for a namespaced resource, one
   * cluster-wide when {@code allNamespaces} or the resource is cluster-scoped.
   */
  static List<WatchTarget> of(
      GroupVersionResource gvr,
      APIResource discovered,
      String selector,
      List<String> namespaces,
      boolean allNamespaces) {
    List<WatchTarget> out = new ArrayList<>();
    boolean namespaced = Boolean.TRUE.equals(discovered.getNamespaced());
    if (namespaced && !allNamespaces) {
      for (String ns : namespaces) {
        out.add(new WatchTarget(gvr, discovered.getKind(), ns, true, selector));
      }
    } else {
      out.add(new WatchTarget(gvr, discovered.getKind(), null, namespaced, selector));
    }
    return out;
  }

  /**
   * The resource as API discovery describes it, or null when the group/version has no such
   * resource. Blocking.
   *
   * @throws io.fabric8.kubernetes.client.KubernetesClientException when discovery fails
   */
  static APIResource discover(KubernetesClient client, GroupVersionResource gvr) {
    String groupVersion = gvr.group().isEmpty() ? gvr.version() : gvr.group() + "/" + gvr.version();
    APIResourceList list = client.getApiResources(groupVersion);
    if (list == null || list.getResources() == null) {
      return null;
    }
    return list.getResources().stream()
        .filter(r -> gvr.resource().equals(r.getName()))
        .findFirst()
        .orElse(null);
  }

  /** How fabric8 addresses the resource. */
  ResourceDefinitionContext context() {
    return new ResourceDefinitionContext.Builder()
        .withGroup(gvr.group())
        .withVersion(gvr.version())
        .withPlural(gvr.resource())
        .withKind(kind)
        .withNamespaced(namespaced)
        .build();
  }

  /**
   * The checkpoint key: {@code <resource>.<group or "core">.<version>.<namespace or "_cluster">}, a
   * valid ConfigMap data key.
   */
  String id() {
    return gvr.resource()
        + "."
        + (gvr.group().isEmpty() ? "core" : gvr.group())
        + "."
        + gvr.version()
        + "."
        + (namespace == null ? "_cluster" : namespace);
  }

  /** For logs: {@code group/version/resource} and the namespace. */
  String describe() {
    String gv = gvr.group().isEmpty() ? gvr.version() : gvr.group() + "/" + gvr.version();
    return gv + "/" + gvr.resource() + (namespace == null ? "" : " in namespace " + namespace);
  }
}
