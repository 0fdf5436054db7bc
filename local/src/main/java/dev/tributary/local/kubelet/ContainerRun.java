package dev.tributary.local.kubelet;

import dev.tributary.local.kubelet.runtime.RunningContainer;
import dev.tributary.local.kubelet.status.ContainerSnapshot;
import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.ContainerState;
import io.fabric8.kubernetes.api.model.ContainerStateBuilder;
import java.util.concurrent.ScheduledFuture;

/**
 * The kubelet's mutable record of one container of one pod: its state, last state, restart count
 * and current run. Confined to its pod worker's serial queue.
 */
final class ContainerRun {

  final Container spec;
  final boolean init;
  int restartCount;
  ContainerState state = waiting("ContainerCreating", null);
  ContainerState lastState = new ContainerState();
  boolean ready;
  boolean started;
  RunningContainer handle;
  String containerId;
  ScheduledFuture<?> pending;
  int pullFailures;
  Prober prober;

  ContainerRun(Container spec, boolean init) {
    this.spec = spec;
    this.init = init;
  }

  String name() {
    return spec.getName();
  }

  String image() {
    return spec.getImage();
  }

  boolean running() {
    return handle != null;
  }

  void waitingFor(String reason, String message) {
    state = waiting(reason, message);
    ready = false;
  }

  void running(String startedAt) {
    state =
        new ContainerStateBuilder().withNewRunning().withStartedAt(startedAt).endRunning().build();
    started = true;
  }

  void terminated(int exitCode, String reason, String message, String finishedAt) {
    String startedAt = state.getRunning() != null ? state.getRunning().getStartedAt() : finishedAt;
    state =
        new ContainerStateBuilder()
            .withNewTerminated()
            .withExitCode(exitCode)
            .withReason(reason)
            .withMessage(message)
            .withStartedAt(startedAt)
            .withFinishedAt(finishedAt)
            .withContainerID(containerId)
            .endTerminated()
            .build();
    ready = false;
    started = false;
  }

  /** Before a restart: the terminated state becomes the last state. */
  void rememberTermination() {
    if (state.getTerminated() != null) {
      lastState = state;
    }
  }

  void cancelPending() {
    if (pending != null) {
      pending.cancel(false);
      pending = null;
    }
  }

  ContainerSnapshot snapshot() {
    return new ContainerSnapshot(
        name(),
        image(),
        image(),
        containerId,
        init,
        restartCount,
        state,
        lastState,
        ready,
        started);
  }

  private static ContainerState waiting(String reason, String message) {
    return new ContainerStateBuilder()
        .withNewWaiting()
        .withReason(reason)
        .withMessage(message)
        .endWaiting()
        .build();
  }
}
