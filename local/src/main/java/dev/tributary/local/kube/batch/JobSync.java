package dev.tributary.local.kube.batch;

import dev.tributary.controller.ReconcileEvent;
import io.fabric8.kubernetes.api.model.ContainerStatus;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.PodStatus;
import io.fabric8.kubernetes.api.model.batch.v1.Job;
import io.fabric8.kubernetes.api.model.batch.v1.JobCondition;
import io.fabric8.kubernetes.api.model.batch.v1.JobSpec;
import io.fabric8.kubernetes.api.model.batch.v1.JobStatus;
import io.fabric8.kubernetes.api.model.batch.v1.JobStatusBuilder;
import io.fabric8.kubernetes.api.model.batch.v1.UncountedTerminatedPods;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * What the Job controller does for one Job, given the pods it controls: {@code syncJob} of
 * kube-controller-manager's Job controller for non-indexed Jobs. Pure: computes the new status, how
 * many pods to create, which to delete and which Events to record; the caller does the I/O.
 *
 * <p>Pods that replace failed ones are created only after the failure back-off ({@link
 * JobBackOff}). Counts come from the pods that still exist (Kubernetes also counts pods that were
 * removed, through its job-tracking finalizer; here a deleted finished pod is forgotten, except
 * that counts in the status never go down).
 */
public final class JobSync {

  /**
   * The outcome of one sync. {@code requeueAfter} is set when a deadline is pending or pods wait
   * out the failure back-off ({@link JobBackOff}): the Job must be synced again by then.
   */
  public record Plan(
      JobStatus status,
      int create,
      List<Pod> delete,
      List<ReconcileEvent> events,
      Optional<Duration> requeueAfter) {}

  private JobSync() {}

  /**
   * @param job the Job (not changed)
   * @param pods the pods it controls
   * @param pendingCreates pods created but not yet seen in {@code pods}: counted as active
   * @param now the controller's clock
   */
  public static Plan plan(Job job, List<Pod> pods, int pendingCreates, Instant now) {
    JobStatus old = job.getStatus() == null ? new JobStatus() : job.getStatus();
    String timestamp = now.truncatedTo(ChronoUnit.SECONDS).toString();
    JobSpec spec = job.getSpec();
    List<Pod> active = pods.stream().filter(JobSync::isActive).toList();
    List<Pod> terminating = pods.stream().filter(p -> isDeleting(p) && !isFinished(p)).toList();
    int succeeded = Math.max(orZero(old.getSucceeded()), count(pods, "Succeeded"));
    int failed = Math.max(orZero(old.getFailed()), count(pods, "Failed"));
    List<ReconcileEvent> events = new ArrayList<>();
    List<Pod> delete = new ArrayList<>();
    JobStatusBuilder status =
        new JobStatusBuilder(old)
            .withSucceeded(succeeded)
            .withFailed(failed)
            .withTerminating(terminating.size())
            .withUncountedTerminatedPods(new UncountedTerminatedPods());

    if (JobConditions.isTrue(job, JobConditions.COMPLETE)
        || JobConditions.isTrue(job, JobConditions.FAILED)) {
      return new Plan(
          status.withActive(0).withReady(0).build(), 0, List.of(), List.of(), Optional.empty());
    }
    boolean suspended = Boolean.TRUE.equals(spec.getSuspend());
    if (old.getStartTime() == null && !suspended) {
      status.withStartTime(timestamp);
    }
    String startTime = old.getStartTime() == null ? timestamp : old.getStartTime();

    Optional<Failure> failure = failure(spec, failed, active, startTime, now);
    if (failure.isPresent()) {
      String reason = failure.get().reason();
      String message = failure.get().message();
      delete.addAll(active);
      addConditions(
          status,
          old,
          JobConditions.FAILURE_TARGET,
          JobConditions.FAILED,
          reason,
          message,
          timestamp);
      events.add(ReconcileEvent.warning(reason, message));
      return new Plan(
          status.withActive(0).withReady(0).build(), 0, delete, events, Optional.empty());
    }

    Integer completions = spec.getCompletions();
    boolean complete =
        completions != null
            ? succeeded >= completions
            : succeeded > 0 && active.isEmpty() && pendingCreates == 0;
    if (complete) {
      delete.addAll(active);
      addConditions(
          status,
          old,
          JobConditions.SUCCESS_CRITERIA_MET,
          JobConditions.COMPLETE,
          JobConditions.COMPLETIONS_REACHED,
          JobConditions.COMPLETIONS_REACHED_MESSAGE,
          timestamp);
      status.withCompletionTime(timestamp);
      events.add(ReconcileEvent.normal("Completed", "Job completed"));
      return new Plan(
          status.withActive(0).withReady(0).build(), 0, delete, events, Optional.empty());
    }

    int want = wantActive(spec, succeeded, active.size() + pendingCreates, suspended);
    int have = active.size() + pendingCreates;
    int create = Math.max(0, want - have);
    Optional<Duration> backOff = Optional.empty();
    if (create > 0) {
      // After failed pods, replacements wait (JobBackOff); the Job comes back when the wait is
      // over.
      Duration wait = JobBackOff.remaining(pods, now);
      if (!wait.isZero()) {
        create = 0;
        backOff = Optional.of(wait);
      }
    }
    if (have > want) {
      // Unready and newest pods go first, as the controller's ActivePods ordering does.
      active.stream()
          .sorted(
              Comparator.comparing(JobSync::isReady)
                  .thenComparing(JobSync::created, Comparator.reverseOrder()))
          .limit(Math.min(active.size(), have - want))
          .forEach(delete::add);
    }
    int stillActive = active.size() - delete.size() + pendingCreates + create;
    int ready = (int) active.stream().filter(p -> !delete.contains(p) && isReady(p)).count();
    return new Plan(
        status.withActive(stillActive).withReady(ready).build(),
        create,
        delete,
        events,
        earliest(deadlineLeft(spec, startTime, now, suspended), backOff));
  }

  private static Optional<Duration> earliest(Optional<Duration> a, Optional<Duration> b) {
    if (a.isEmpty()) {
      return b;
    }
    if (b.isEmpty()) {
      return a;
    }
    return Optional.of(a.get().compareTo(b.get()) <= 0 ? a.get() : b.get());
  }

  private static int wantActive(JobSpec spec, int succeeded, int active, boolean suspended) {
    if (suspended) {
      return 0;
    }
    int parallelism = orZero(spec.getParallelism());
    Integer completions = spec.getCompletions();
    if (completions == null) {
      // A work queue: once one pod succeeded, no new pods; the rest finish on their own.
      return succeeded > 0 ? Math.min(active, parallelism) : parallelism;
    }
    return Math.max(0, Math.min(parallelism, completions - succeeded));
  }

  private record Failure(String reason, String message) {}

  /** Why the Job has failed, if it has; BackoffLimitExceeded before DeadlineExceeded. */
  private static Optional<Failure> failure(
      JobSpec spec, int failed, List<Pod> active, String startTime, Instant now) {
    int backoffLimit = spec.getBackoffLimit() == null ? 6 : spec.getBackoffLimit();
    if (failed > backoffLimit || pastBackoffLimitOnFailure(spec, active, backoffLimit)) {
      return Optional.of(
          new Failure(
              JobConditions.BACKOFF_LIMIT_EXCEEDED, JobConditions.BACKOFF_LIMIT_EXCEEDED_MESSAGE));
    }
    Long deadline = spec.getActiveDeadlineSeconds();
    if (deadline != null
        && !Boolean.TRUE.equals(spec.getSuspend())
        && !now.isBefore(Instant.parse(startTime).plusSeconds(deadline))) {
      return Optional.of(
          new Failure(JobConditions.DEADLINE_EXCEEDED, JobConditions.DEADLINE_EXCEEDED_MESSAGE));
    }
    return Optional.empty();
  }

  /** With restartPolicy OnFailure, the kubelet restarts containers: restarts count as failures. */
  private static boolean pastBackoffLimitOnFailure(
      JobSpec spec, List<Pod> active, int backoffLimit) {
    if (!"OnFailure".equals(spec.getTemplate().getSpec().getRestartPolicy())) {
      return false;
    }
    int restarts = 0;
    for (Pod pod : active) {
      PodStatus status = pod.getStatus();
      if (status == null) {
        continue;
      }
      restarts +=
          Stream.concat(
                  Optional.ofNullable(status.getInitContainerStatuses()).orElse(List.of()).stream(),
                  Optional.ofNullable(status.getContainerStatuses()).orElse(List.of()).stream())
              .map(ContainerStatus::getRestartCount)
              .mapToInt(JobSync::orZero)
              .sum();
    }
    return backoffLimit == 0 ? restarts > 0 : restarts >= backoffLimit;
  }

  private static Optional<Duration> deadlineLeft(
      JobSpec spec, String startTime, Instant now, boolean suspended) {
    if (spec.getActiveDeadlineSeconds() == null || suspended) {
      return Optional.empty();
    }
    Instant deadline = Instant.parse(startTime).plusSeconds(spec.getActiveDeadlineSeconds());
    return Optional.of(Duration.between(now, deadline));
  }

  /** Adds the interim condition, then the terminal one, keeping conditions already there. */
  private static void addConditions(
      JobStatusBuilder status,
      JobStatus old,
      String interim,
      String terminal,
      String reason,
      String message,
      String now) {
    List<JobCondition> conditions =
        new ArrayList<>(old.getConditions() == null ? List.of() : old.getConditions());
    for (String type : List.of(interim, terminal)) {
      if (conditions.stream().noneMatch(c -> type.equals(c.getType()))) {
        conditions.add(JobConditions.condition(type, reason, message, now));
      }
    }
    status.withConditions(conditions);
  }

  static boolean isActive(Pod pod) {
    return !isFinished(pod) && !isDeleting(pod);
  }

  static boolean isFinished(Pod pod) {
    String phase = phase(pod);
    return "Succeeded".equals(phase) || "Failed".equals(phase);
  }

  private static boolean isDeleting(Pod pod) {
    return pod.getMetadata().getDeletionTimestamp() != null;
  }

  static boolean isReady(Pod pod) {
    return pod.getStatus() != null
        && pod.getStatus().getConditions() != null
        && pod.getStatus().getConditions().stream()
            .anyMatch(c -> "Ready".equals(c.getType()) && "True".equals(c.getStatus()));
  }

  private static String created(Pod pod) {
    return String.valueOf(pod.getMetadata().getCreationTimestamp());
  }

  private static int count(List<Pod> pods, String phase) {
    return (int) pods.stream().filter(p -> phase.equals(phase(p))).count();
  }

  private static String phase(Pod pod) {
    return pod.getStatus() == null ? null : pod.getStatus().getPhase();
  }

  private static int orZero(Integer value) {
    return value == null ? 0 : value;
  }
}
