package dev.tributary.local.kube.batch;

import static org.assertj.core.api.Assertions.assertThat;

import io.fabric8.kubernetes.api.model.ContainerStatusBuilder;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.PodBuilder;
import io.fabric8.kubernetes.api.model.PodConditionBuilder;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class JobBackOffTest {

  private static final Instant T0 = Instant.parse("2026-11-29T18:00:00Z");

  /** A finished pod whose one container finished at {@code T0 + seconds}. */
  private static Pod finished(String phase, int seconds) {
    return new PodBuilder()
        .withNewMetadata()
        .withName(phase + seconds)
        .withCreationTimestamp("2026-11-29T17:00:00Z")
        .endMetadata()
        .withNewStatus()
        .withPhase(phase)
        .addToContainerStatuses(
            new ContainerStatusBuilder()
                .withName("c")
                .withNewState()
                .withNewTerminated()
                .withExitCode("Failed".equals(phase) ? 1 : 0)
                .withFinishedAt(T0.plusSeconds(seconds).toString())
                .endTerminated()
                .endState()
                .build())
        .endStatus()
        .build();
  }

  @Test
  void theDelayStartsAtTenSecondsAndDoublesPerFailureUpToTenMinutes() {
    assertThat(JobBackOff.delay(0)).isZero();
    assertThat(JobBackOff.delay(1)).isEqualTo(Duration.ofSeconds(10));
    assertThat(JobBackOff.delay(2)).isEqualTo(Duration.ofSeconds(20));
    assertThat(JobBackOff.delay(3)).isEqualTo(Duration.ofSeconds(40));
    assertThat(JobBackOff.delay(6)).isEqualTo(Duration.ofSeconds(320));
    assertThat(JobBackOff.delay(7)).isEqualTo(Duration.ofMinutes(10));
    assertThat(JobBackOff.delay(60)).isEqualTo(Duration.ofMinutes(10));
  }

  @Test
  void timeRunsFromTheLastFailure() {
    List<Pod> pods = List.of(finished("Failed", 0), finished("Failed", 5));

    assertThat(JobBackOff.remaining(pods, T0.plusSeconds(5))).isEqualTo(Duration.ofSeconds(20));
    assertThat(JobBackOff.remaining(pods, T0.plusSeconds(19))).isEqualTo(Duration.ofSeconds(6));
    assertThat(JobBackOff.remaining(pods, T0.plusSeconds(25))).isZero();
    assertThat(JobBackOff.remaining(pods, T0.plusSeconds(90))).isZero();
  }

  @Test
  void onlyFailuresAfterTheLastSuccessCount() {
    List<Pod> pods =
        List.of(
            finished("Failed", 0),
            finished("Failed", 1),
            finished("Succeeded", 2),
            finished("Failed", 3),
            finished("Running", 4));

    assertThat(JobBackOff.remaining(pods, T0.plusSeconds(3))).isEqualTo(Duration.ofSeconds(10));
    assertThat(JobBackOff.remaining(List.of(finished("Succeeded", 0)), T0)).isZero();
    assertThat(JobBackOff.remaining(List.of(), T0)).isZero();
  }

  @Test
  void withoutContainerTimesAPodFinishedWhenItBecameNotReadyElseWhenDeletedElseWhenCreated() {
    Pod notReady =
        new PodBuilder(finished("Failed", 0))
            .editStatus()
            .withContainerStatuses()
            .addToConditions(
                new PodConditionBuilder()
                    .withType("Ready")
                    .withStatus("False")
                    .withLastTransitionTime("2026-11-29T18:00:07Z")
                    .build())
            .endStatus()
            .build();
    assertThat(JobBackOff.finishedAt(notReady)).isEqualTo(T0.plusSeconds(7));

    Pod deleted =
        new PodBuilder(finished("Failed", 0))
            .editMetadata()
            .withDeletionTimestamp("2026-11-29T18:00:30Z")
            .withDeletionGracePeriodSeconds(30L)
            .endMetadata()
            .editStatus()
            .withContainerStatuses()
            .endStatus()
            .build();
    assertThat(JobBackOff.finishedAt(deleted)).isEqualTo(T0);

    Pod bare =
        new PodBuilder(finished("Failed", 0))
            .editStatus()
            .withContainerStatuses()
            .endStatus()
            .build();
    assertThat(JobBackOff.finishedAt(bare)).isEqualTo(Instant.parse("2026-11-29T17:00:00Z"));
  }

  @Test
  void aContainerStillRunningLeavesTheContainerTimesOut() {
    Pod pod = finished("Failed", 50);
    pod.getStatus()
        .getContainerStatuses()
        .add(
            new ContainerStatusBuilder()
                .withName("side")
                .withNewState()
                .withNewRunning()
                .endRunning()
                .endState()
                .build());
    assertThat(JobBackOff.finishedAt(pod)).isEqualTo(Instant.parse("2026-11-29T17:00:00Z"));
  }
}
