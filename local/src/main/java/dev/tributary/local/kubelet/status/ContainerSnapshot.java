package dev.tributary.local.kubelet.status;

import io.fabric8.kubernetes.api.model.ContainerState;

/**
 * What the kubelet knows of one container at one moment: the input of {@link PodStatusBuilder}.
 *
 * @param name the container's name
 * @param image the image as the spec gives it
 * @param imageId the image's id as the runtime reports it
 * @param containerId the current run's id, or null before the first run
 * @param init whether it is an init container
 * @param restartCount how often it was restarted
 * @param state its state now (exactly one of waiting, running, terminated set)
 * @param lastState its previous run's terminated state, or an empty state
 * @param ready whether it passes its readiness probe (or runs, without one)
 * @param started whether it has started (no startup probe: running)
 */
public record ContainerSnapshot(
    String name,
    String image,
    String imageId,
    String containerId,
    boolean init,
    int restartCount,
    ContainerState state,
    ContainerState lastState,
    boolean ready,
    boolean started) {

  /** Whether it ended with exit code 0. */
  public boolean succeeded() {
    return state.getTerminated() != null && state.getTerminated().getExitCode() == 0;
  }

  /** Whether it ended with another exit code. */
  public boolean failed() {
    return state.getTerminated() != null && state.getTerminated().getExitCode() != 0;
  }
}
