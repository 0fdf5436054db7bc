package dev.tributary.local.network;

import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.PodCondition;
import java.util.Map;

/**
 * Which pods back a Service, with the rules of Kubernetes' endpoints controller: same namespace,
 * labels matching the Service's selector, an IP, not terminal ({@code Succeeded}/{@code Failed}),
 * and ready (condition {@code Ready=True}, not being deleted) unless the Service publishes
 * not-ready addresses.
 */
final class EndpointPods {

  private EndpointPods() {}

  static boolean selected(Map<String, String> selector, String namespace, Pod pod) {
    if (selector == null || selector.isEmpty()) {
      return false;
    }
    if (!namespace.equals(pod.getMetadata().getNamespace())) {
      return false;
    }
    Map<String, String> labels = pod.getMetadata().getLabels();
    if (labels == null) {
      return false;
    }
    return selector.entrySet().stream().allMatch(e -> e.getValue().equals(labels.get(e.getKey())));
  }

  static boolean routable(Pod pod, boolean publishNotReadyAddresses) {
    if (pod.getStatus() == null) {
      return false;
    }
    String ip = pod.getStatus().getPodIP();
    if (ip == null || ip.isEmpty()) {
      return false;
    }
    String phase = pod.getStatus().getPhase();
    if ("Succeeded".equals(phase) || "Failed".equals(phase)) {
      return false;
    }
    return publishNotReadyAddresses || ready(pod);
  }

  static boolean ready(Pod pod) {
    if (pod.getMetadata().getDeletionTimestamp() != null) {
      return false;
    }
    if (pod.getStatus().getConditions() == null) {
      return false;
    }
    for (PodCondition condition : pod.getStatus().getConditions()) {
      if ("Ready".equals(condition.getType())) {
        return "True".equals(condition.getStatus());
      }
    }
    return false;
  }
}
