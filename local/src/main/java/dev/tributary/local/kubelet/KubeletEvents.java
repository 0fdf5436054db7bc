package dev.tributary.local.kubelet;

import dev.tributary.controller.EventRecorder;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.client.KubernetesClient;
import java.time.Clock;

/**
 * The Events a kubelet (and the scheduler, for binding) records about pods, with Kubernetes'
 * reasons and messages (pkg/kubelet/events, 1.28-1.31 wording). Thread-safe; blocks on the API;
 * best effort (see {@link EventRecorder}).
 */
final class KubeletEvents {

  private final EventRecorder kubelet;
  private final EventRecorder scheduler;
  private final String nodeName;

  KubeletEvents(KubernetesClient client, Clock clock, String nodeName) {
    this.kubelet = new EventRecorder(client, "kubelet", clock);
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

  void pulled(Pod pod, String image) {
    kubelet.normal(pod, "Pulled", "Container image \"" + image + "\" already present on machine");
  }

  void created(Pod pod, String container) {
    kubelet.normal(pod, "Created", "Created container " + container);
  }

  void started(Pod pod, String container) {
    kubelet.normal(pod, "Started", "Started container " + container);
  }

  void killing(Pod pod, String container) {
    kubelet.normal(pod, "Killing", "Stopping container " + container);
  }

  void crashBackOff(Pod pod, String container) {
    kubelet.warning(
        pod,
        "BackOff",
        "Back-off restarting failed container " + container + " in pod " + podDescription(pod));
  }

  void pullFailed(Pod pod, String image, String message) {
    kubelet.warning(pod, "Failed", "Failed to pull image \"" + image + "\": " + message);
    kubelet.warning(pod, "Failed", "Error: ErrImagePull");
  }

  void pullBackOff(Pod pod, String image) {
    kubelet.normal(pod, "BackOff", "Back-off pulling image \"" + image + "\"");
    kubelet.warning(pod, "Failed", "Error: ImagePullBackOff");
  }

  /** A container that could not be created or started: {@code Failed} with {@code Error: ...}. */
  void failed(Pod pod, String message) {
    kubelet.warning(pod, "Failed", "Error: " + message);
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
