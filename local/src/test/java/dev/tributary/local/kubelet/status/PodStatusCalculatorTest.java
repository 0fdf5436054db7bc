package dev.tributary.local.kubelet.status;

import static org.assertj.core.api.Assertions.assertThat;

import io.fabric8.kubernetes.api.model.ContainerState;
import io.fabric8.kubernetes.api.model.ContainerStateBuilder;
import io.fabric8.kubernetes.api.model.PodCondition;
import io.fabric8.kubernetes.api.model.PodStatus;
import java.util.List;
import org.junit.jupiter.api.Test;

class PodStatusCalculatorTest {

  private static final String T0 = "2026-01-01T00:00:00Z";
  private static final String T1 = "2026-01-01T00:00:10Z";

  @Test
  void aRunningReadyContainerMakesARunningReadyPod() {
    PodStatus status = compute(null, List.of(main("app", running(), true, 0)), "Always", T0);

    assertThat(status.getPhase()).isEqualTo("Running");
    assertThat(condition(status, "Ready").getStatus()).isEqualTo("True");
    assertThat(condition(status, "ContainersReady").getStatus()).isEqualTo("True");
    assertThat(condition(status, "Initialized").getStatus()).isEqualTo("True");
    assertThat(condition(status, "PodScheduled").getStatus()).isEqualTo("True");
    assertThat(status.getPodIP()).isEqualTo("127.1.0.1");
    assertThat(status.getPodIPs())
        .singleElement()
        .satisfies(ip -> assertThat(ip.getIp()).isEqualTo("127.1.0.1"));
    assertThat(status.getHostIP()).isEqualTo("127.0.0.1");
    assertThat(status.getContainerStatuses())
        .singleElement()
        .satisfies(
            c -> {
              assertThat(c.getReady()).isTrue();
              assertThat(c.getState().getRunning()).isNotNull();
            });
  }

  @Test
  void unreadyContainersAreNamedAndTransitionTimesKeptWhileUnchanged() {
    PodStatus first =
        compute(
            null,
            List.of(main("a", running(), false, 0), main("b", running(), false, 0)),
            "Always",
            T0);
    PodStatus second =
        compute(
            first,
            List.of(main("a", running(), false, 0), main("b", running(), false, 0)),
            "Always",
            T1);
    PodStatus third =
        compute(
            second,
            List.of(main("a", running(), true, 0), main("b", running(), true, 0)),
            "Always",
            T1);

    assertThat(condition(first, "Ready").getReason()).isEqualTo("ContainersNotReady");
    assertThat(condition(first, "Ready").getMessage())
        .isEqualTo("containers with unready status: [a b]");
    assertThat(condition(second, "Ready").getLastTransitionTime()).isEqualTo(T0);
    assertThat(condition(third, "Ready").getStatus()).isEqualTo("True");
    assertThat(condition(third, "Ready").getLastTransitionTime()).isEqualTo(T1);
    assertThat(condition(third, "PodScheduled").getLastTransitionTime()).isEqualTo(T0);
  }

  @Test
  void phasesFollowTheRestartPolicy() {
    ContainerSnapshot ok = main("c", terminated(0), false, 0);
    ContainerSnapshot error = main("c", terminated(1), false, 0);
    ContainerSnapshot backingOff =
        new ContainerSnapshot(
            "c",
            "img",
            "img",
            null,
            false,
            1,
            waiting("CrashLoopBackOff"),
            terminated(1),
            false,
            false);

    assertThat(compute(null, List.of(ok), "Never", T0).getPhase()).isEqualTo("Succeeded");
    assertThat(compute(null, List.of(ok), "OnFailure", T0).getPhase()).isEqualTo("Succeeded");
    assertThat(compute(null, List.of(error), "Never", T0).getPhase()).isEqualTo("Failed");
    assertThat(compute(null, List.of(error), "OnFailure", T0).getPhase()).isEqualTo("Running");
    assertThat(compute(null, List.of(backingOff), "Always", T0).getPhase()).isEqualTo("Running");
    assertThat(
            compute(null, List.of(main("c", waiting("ErrImagePull"), false, 0)), "Always", T0)
                .getPhase())
        .isEqualTo("Pending");
    PodStatus done = compute(null, List.of(ok), "Never", T0);
    assertThat(condition(done, "Ready").getReason()).isEqualTo("PodCompleted");
    assertThat(condition(done, "Ready").getStatus()).isEqualTo("False");
  }

  @Test
  void initContainersHoldThePodPendingOrFailIt() {
    ContainerSnapshot init =
        new ContainerSnapshot(
            "setup", "img", "img", null, true, 0, running(), new ContainerState(), false, true);
    ContainerSnapshot initFailed =
        new ContainerSnapshot(
            "setup",
            "img",
            "img",
            null,
            true,
            0,
            terminated(2),
            new ContainerState(),
            false,
            false);
    ContainerSnapshot app = main("app", waiting("PodInitializing"), false, 0);

    PodStatus pending = compute(null, List.of(init, app), "Always", T0);
    assertThat(pending.getPhase()).isEqualTo("Pending");
    assertThat(condition(pending, "Initialized").getReason()).isEqualTo("ContainersNotInitialized");
    assertThat(condition(pending, "Initialized").getMessage())
        .isEqualTo("containers with incomplete status: [setup]");
    assertThat(pending.getInitContainerStatuses()).hasSize(1);
    assertThat(compute(null, List.of(initFailed, app), "Never", T0).getPhase()).isEqualTo("Failed");
    assertThat(compute(null, List.of(initFailed, app), "Always", T0).getPhase())
        .isEqualTo("Pending");
  }

  private static PodStatus compute(
      PodStatus previous, List<ContainerSnapshot> containers, String policy, String now) {
    return PodStatusCalculator.compute(
        previous, containers, policy, "127.1.0.1", "127.0.0.1", T0, now);
  }

  private static ContainerSnapshot main(
      String name, ContainerState state, boolean ready, int restarts) {
    return new ContainerSnapshot(
        name,
        "img",
        "img",
        null,
        false,
        restarts,
        state,
        new ContainerState(),
        ready,
        state.getRunning() != null);
  }

  private static ContainerState running() {
    return new ContainerStateBuilder().withNewRunning().withStartedAt(T0).endRunning().build();
  }

  private static ContainerState waiting(String reason) {
    return new ContainerStateBuilder().withNewWaiting().withReason(reason).endWaiting().build();
  }

  private static ContainerState terminated(int code) {
    return new ContainerStateBuilder()
        .withNewTerminated()
        .withExitCode(code)
        .withReason(code == 0 ? "Completed" : "Error")
        .endTerminated()
        .build();
  }

  private static PodCondition condition(PodStatus status, String type) {
    return status.getConditions().stream()
        .filter(c -> c.getType().equals(type))
        .findFirst()
        .orElseThrow();
  }
}
