package dev.tributary.local.kubelet;

import dev.tributary.controller.EventRecorder;
import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.client.KubernetesClient;
import java.time.Clock;

/**
 * The Events a kubelet (and the scheduler, for binding) records about pods, with Kubernetes'
 * reasons and messages (pkg/kubelet/events, 1.28-1.31 wording). Container Events refer to their
 * container as Kubernetes' kubelet does ({@code involvedObject.fieldPath}, see {@link
 * ContainerFieldPath}); {@code Scheduled} is about the whole pod. Thread-safe; blocks on the API;
 * best effort (see {@link EventRecorder}).
 */
final class KubeletEvents {

  private final EventRecorder kubelet;
  private final EventRecorder scheduler;
  private final String nodeName;

  KubeletEvents(KubernetesClient client, Clock clock, String nodeName) {
    this.kubelet = new EventRecorder(client, "kubelet", nodeName, clock);
    this.scheduler = new EventRecorder(client, "default-scheduler", clock);
    this.nodeName = nodeName;
  }

  void scheduled(Pod pod) {
    scheduler.normal(
        pod,
        "Scheduled",
        "Successfully assigned "
            + pod.getMetadata().getNamespace()
            + "/"
            + pod.getMetadata().getName()
            + " to "
            + nodeName);
  }

  void pulled(Pod pod, Container container) {
    normal(
        pod,
        container,
        "Pulled",
        "Container image \"" + container.getImage() + "\" already present on machine");
  }

  void created(Pod pod, Container container) {
    normal(pod, container, "Created", "Created container " + container.getName());
  }

  void started(Pod pod, Container container) {
    normal(pod, container, "Started", "Started container " + container.getName());
  }

  void killing(Pod pod, Container container) {
    normal(pod, container, "Killing", "Stopping container " + container.getName());
  }

  void crashBackOff(Pod pod, Container container) {
    warning(
        pod,
        container,
        "BackOff",
        "Back-off restarting failed container "
            + container.getName()
            + " in pod "
            + podDescription(pod));
  }

  void pullFailed(Pod pod, Container container, String message) {
    warning(
        pod,
        container,
        "Failed",
        "Failed to pull image \"" + container.getImage() + "\": " + message);
    warning(pod, container, "Failed", "Error: ErrImagePull");
  }

  void pullBackOff(Pod pod, Container container) {
    normal(pod, container, "BackOff", "Back-off pulling image \"" + container.getImage() + "\"");
    warning(pod, container, "Failed", "Error: ImagePullBackOff");
  }

  /** A container that could not be created or started: {@code Failed} with {@code Error: ...}. */
  void failed(Pod pod, Container container, String message) {
    warning(pod, container, "Failed", "Error: " + message);
  }

  private void normal(Pod pod, Container container, String reason, String message) {
    kubelet.record(
        pod, ContainerFieldPath.of(pod, container), EventRecorder.NORMAL, reason, message);
  }

  private void warning(Pod pod, Container container, String reason, String message) {
    kubelet.record(
        pod, ContainerFieldPath.of(pod, container), EventRecorder.WARNING, reason, message);
  }

  /** Kubernetes' {@code format.Pod}: {@code NAME_NAMESPACE(UID)}. */
  static String podDescription(Pod pod) {
    return pod.getMetadata().getName()
        + "_"
        + pod.getMetadata().getNamespace()
        + "("
        + pod.getMetadata().getUid()
        + ")";
  }
}
