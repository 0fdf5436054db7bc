package dev.tributary.local.kube.batch;

import io.fabric8.kubernetes.api.model.ContainerStatus;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.PodCondition;
import io.fabric8.kubernetes.api.model.PodStatus;
import java.time.Duration;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/**
 * The Job controller's pod failure back-off (kube-controller-manager's {@code backoffRecord}):
 * after failed pods, the replacement waits 10 s after the last failure for one failure, doubling
 * per further failure up to 10 minutes ({@code DefaultJobPodFailureBackOff}, {@code
 * MaxJobPodFailureBackOff}). Only failures after the Job's last succeeded pod count, and time runs
 * from when the last failed pod finished. Pure.
 *
 * <p>Kubernetes keeps the count in memory, fed by pods as they finish; here it is computed from the
 * finished pods that still exist, which gives the same count unless finished pods were deleted.
 */
final class JobBackOff {

  static final Duration INITIAL = Duration.ofSeconds(10);
  static final Duration MAX = Duration.ofMinutes(10);

  private JobBackOff() {}

  /** How long the Job must still wait before creating pods at {@code now}; zero if it need not. */
  static Duration remaining(List<Pod> pods, Instant now) {
    Optional<Instant> lastSuccess =
        pods.stream()
            .filter(p -> "Succeeded".equals(phase(p)))
            .map(JobBackOff::finishedAt)
            .max(Comparator.naturalOrder());
    List<Instant> failures =
        pods.stream()
            .filter(p -> "Failed".equals(phase(p)))
            .map(JobBackOff::finishedAt)
            .filter(at -> lastSuccess.isEmpty() || at.isAfter(lastSuccess.get()))
            .toList();
    if (failures.isEmpty()) {
      return Duration.ZERO;
    }
    Instant lastFailure = failures.stream().max(Comparator.naturalOrder()).orElseThrow();
    Duration left = delay(failures.size()).minus(Duration.between(lastFailure, now));
    return left.isNegative() ? Duration.ZERO : left;
  }

  /** The wait after {@code failures} consecutive failures: 0, 10 s, 20 s, 40 s ... 10 min. */
  static Duration delay(int failures) {
    if (failures <= 0) {
      return Duration.ZERO;
    }
    Duration delay = INITIAL;
    for (int i = 1; i < failures; i++) {
      delay = delay.multipliedBy(2);
      if (delay.compareTo(MAX) >= 0) {
        return MAX;
      }
    }
    return delay;
  }

  /**
   * When a finished pod finished, as Kubernetes estimates it: the latest {@code finishedAt} of its
   * containers if all have terminated, else when it became not Ready, else its deletion time less
   * its grace period, else its creation.
   */
  static Instant finishedAt(Pod pod) {
    PodStatus status = pod.getStatus() == null ? new PodStatus() : pod.getStatus();
    return containersFinished(status.getContainerStatuses())
        .or(() -> notReadySince(status.getConditions()))
        .or(() -> deleted(pod))
        .orElseGet(() -> instant(pod.getMetadata().getCreationTimestamp()).orElse(Instant.EPOCH));
  }

  private static Optional<Instant> containersFinished(List<ContainerStatus> statuses) {
    if (statuses == null || statuses.isEmpty()) {
      return Optional.empty();
    }
    Instant latest = null;
    for (ContainerStatus status : statuses) {
      Optional<Instant> finished =
          status.getState() == null || status.getState().getTerminated() == null
              ? Optional.empty()
              : instant(status.getState().getTerminated().getFinishedAt());
      if (finished.isEmpty()) {
        return Optional.empty();
      }
      if (latest == null || latest.isBefore(finished.get())) {
        latest = finished.get();
      }
    }
    return Optional.of(latest);
  }

  private static Optional<Instant> notReadySince(List<PodCondition> conditions) {
    if (conditions == null) {
      return Optional.empty();
    }
    return conditions.stream()
        .filter(c -> "Ready".equals(c.getType()) && "False".equals(c.getStatus()))
        .findFirst()
        .flatMap(c -> instant(c.getLastTransitionTime()));
  }

  private static Optional<Instant> deleted(Pod pod) {
    Long grace = pod.getMetadata().getDeletionGracePeriodSeconds();
    return instant(pod.getMetadata().getDeletionTimestamp())
        .map(at -> at.minusSeconds(grace == null ? 0 : grace));
  }

  private static Optional<Instant> instant(String timestamp) {
    return timestamp == null || timestamp.isEmpty()
        ? Optional.empty()
        : Optional.of(Instant.parse(timestamp));
  }

  private static String phase(Pod pod) {
    return pod.getStatus() == null ? null : pod.getStatus().getPhase();
  }
}
