package dev.tributary.local.kube.batch;

import dev.tributary.controller.ReconcileEvent;
import io.fabric8.kubernetes.api.model.ObjectReference;
import io.fabric8.kubernetes.api.model.batch.v1.CronJob;
import io.fabric8.kubernetes.api.model.batch.v1.CronJobSpec;
import io.fabric8.kubernetes.api.model.batch.v1.CronJobStatus;
import io.fabric8.kubernetes.api.model.batch.v1.CronJobStatusBuilder;
import io.fabric8.kubernetes.api.model.batch.v1.Job;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * What the CronJob controller does for one CronJob, given the Jobs it controls: {@code syncCronJob}
 * and {@code cleanupFinishedJobs} of kube-controller-manager's CronJob controller (v2). Pure:
 * computes the new status, the Job to create (if one is due), the Jobs to delete (replaced, or
 * beyond the history limits), Events, and when to look again.
 *
 * <p>One difference: an unfinished Job it controls that is missing from {@code status.active} is
 * taken into it silently (Kubernetes re-reads the CronJob and, if still missing, warns {@code
 * UnexpectedJob} without adopting it); here the status write is conditional on the CronJob's
 * resourceVersion, so a stale copy is retried rather than trusted.
 */
public final class CronJobSync {

  /** Slack after a scheduled time before looking again, so the clock is surely past it. */
  static final Duration SLACK = Duration.ofMillis(100);

  /**
   * The outcome of one sync.
   *
   * @param create the Job due now; the caller creates it, then adds it to {@code status.active} and
   *     records {@code SuccessfulCreate}
   * @param delete Jobs to delete (background propagation), each with a {@code SuccessfulDelete}
   *     Event the caller records once it is deleted
   * @param events Events to record whatever happens
   * @param requeueAfter when the next activation is due, if any
   */
  public record Plan(
      CronJobStatus status,
      Optional<Job> create,
      List<Job> delete,
      List<ReconcileEvent> events,
      Optional<Duration> requeueAfter) {}

  private CronJobSync() {}

  /**
   * @param cronJob the CronJob (not changed)
   * @param jobs the Jobs it controls, as cached (plus those active ones a fresh read found)
   * @param schedule its parsed schedule
   * @param now the controller's clock
   */
  public static Plan plan(CronJob cronJob, List<Job> jobs, CronJobSchedule schedule, Instant now) {
    CronJobSpec spec = cronJob.getSpec();
    CronJobStatus old = cronJob.getStatus() == null ? new CronJobStatus() : cronJob.getStatus();
    List<ReconcileEvent> events = new ArrayList<>();
    List<Job> delete = new ArrayList<>();
    List<ObjectReference> active =
        new ArrayList<>(old.getActive() == null ? List.of() : old.getActive());
    CronJobStatusBuilder status = new CronJobStatusBuilder(old);

    Set<String> present = new HashSet<>();
    String lastSuccessful = old.getLastSuccessfulTime();
    for (Job job : jobs) {
      String uid = job.getMetadata().getUid();
      present.add(uid);
      boolean listed = active.stream().anyMatch(r -> uid.equals(r.getUid()));
      Optional<String> finished = JobConditions.finishedType(job);
      if (finished.isEmpty()) {
        if (!listed) {
          active.add(CronJobJobs.reference(job));
        }
        continue;
      }
      if (listed) {
        active.removeIf(r -> uid.equals(r.getUid()));
        events.add(
            ReconcileEvent.normal(
                "SawCompletedJob",
                "Saw completed job: "
                    + job.getMetadata().getName()
                    + ", condition: "
                    + finished.get()));
      }
      String completed = job.getStatus().getCompletionTime();
      if (JobConditions.COMPLETE.equals(finished.get())
          && completed != null
          && (lastSuccessful == null
              || Instant.parse(completed).isAfter(Instant.parse(lastSuccessful)))) {
        lastSuccessful = completed;
      }
    }
    for (ObjectReference reference : List.copyOf(active)) {
      if (!present.contains(reference.getUid())) {
        active.remove(reference);
        events.add(
            ReconcileEvent.warning(
                "MissingJob", "Active job went missing: " + reference.getName()));
      }
    }
    status.withLastSuccessfulTime(lastSuccessful);

    delete.addAll(
        beyondHistory(jobs, JobConditions.COMPLETE, spec.getSuccessfulJobsHistoryLimit()));
    delete.addAll(beyondHistory(jobs, JobConditions.FAILED, spec.getFailedJobsHistoryLimit()));

    if (cronJob.getMetadata().getDeletionTimestamp() != null
        || Boolean.TRUE.equals(spec.getSuspend())) {
      return new Plan(
          status.withActive(orNull(active)).build(),
          Optional.empty(),
          delete,
          events,
          Optional.empty());
    }

    Instant earliest =
        old.getLastScheduleTime() != null
            ? Instant.parse(old.getLastScheduleTime())
            : Instant.parse(cronJob.getMetadata().getCreationTimestamp());
    if (spec.getStartingDeadlineSeconds() != null) {
      Instant deadline = now.minusSeconds(spec.getStartingDeadlineSeconds());
      if (earliest.isBefore(deadline)) {
        earliest = deadline;
      }
    }
    Optional<Duration> requeue =
        Optional.ofNullable(schedule.next(now))
            .map(next -> Duration.between(now, next).plus(SLACK));
    Optional<Instant> due = schedule.mostRecent(earliest, now);
    if (due.isEmpty()) {
      return new Plan(
          status.withActive(orNull(active)).build(), Optional.empty(), delete, events, requeue);
    }
    String dueName = CronJobJobs.name(cronJob, due.get());
    if (active.stream().anyMatch(r -> dueName.equals(r.getName()))
        || jobs.stream().anyMatch(j -> dueName.equals(j.getMetadata().getName()))) {
      return new Plan(
          status.withActive(orNull(active)).build(), Optional.empty(), delete, events, requeue);
    }
    if ("Forbid".equals(spec.getConcurrencyPolicy()) && !active.isEmpty()) {
      events.add(
          ReconcileEvent.normal(
              "JobAlreadyActive",
              "Not starting job because prior execution is running and concurrency policy is"
                  + " Forbid"));
      return new Plan(
          status.withActive(orNull(active)).build(), Optional.empty(), delete, events, requeue);
    }
    if ("Replace".equals(spec.getConcurrencyPolicy())) {
      for (ObjectReference reference : active) {
        jobs.stream()
            .filter(j -> reference.getUid().equals(j.getMetadata().getUid()))
            .filter(j -> !delete.contains(j))
            .forEach(delete::add);
      }
      active.clear();
    }
    status.withLastScheduleTime(due.get().toString());
    return new Plan(
        status.withActive(orNull(active)).build(),
        Optional.of(CronJobJobs.desired(cronJob, due.get())),
        delete,
        events,
        requeue);
  }

  /** Go omits an empty {@code active}, so an empty list is written as none. */
  private static List<ObjectReference> orNull(List<ObjectReference> active) {
    return active.isEmpty() ? null : active;
  }

  /** The oldest finished Jobs of one kind beyond {@code limit}, oldest first. */
  private static List<Job> beyondHistory(List<Job> jobs, String type, Integer limit) {
    if (limit == null) {
      return List.of();
    }
    List<Job> finished =
        jobs.stream()
            .filter(j -> JobConditions.finishedType(j).filter(type::equals).isPresent())
            .sorted(
                Comparator.comparing((Job j) -> String.valueOf(j.getStatus().getStartTime()))
                    .thenComparing(j -> String.valueOf(j.getMetadata().getCreationTimestamp())))
            .toList();
    return finished.size() <= limit ? List.of() : finished.subList(0, finished.size() - limit);
  }
}
