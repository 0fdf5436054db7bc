package dev.tributary.local.kube.batch;

import dev.tributary.api.cron.CronParseException;
import dev.tributary.controller.EventRecorder;
import dev.tributary.controller.ReconcileEvent;
import dev.tributary.controller.Reconciler;
import dev.tributary.controller.Result;
import io.fabric8.kubernetes.api.model.DeletionPropagation;
import io.fabric8.kubernetes.api.model.ObjectReference;
import io.fabric8.kubernetes.api.model.batch.v1.CronJob;
import io.fabric8.kubernetes.api.model.batch.v1.Job;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientException;
import java.net.HttpURLConnection;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.function.Function;

/**
 * The CronJob controller's imperative shell: runs {@link CronJobSync} over the CronJob's Jobs (from
 * the Job informer's cache, plus a fresh read of active Jobs the cache does not show yet), creates
 * and deletes Jobs, records Events and writes the status when it changed. Blocks on API calls; a
 * failed call fails the reconcile (retried with backoff).
 */
final class CronJobReconciler implements Reconciler<CronJob> {

  private final KubernetesClient client;
  private final EventRecorder recorder;
  private final Clock clock;
  private final Function<String, List<Job>> jobsOfCronJob;

  /**
   * @param jobsOfCronJob the cached Jobs whose controller is the CronJob with this uid
   */
  CronJobReconciler(
      KubernetesClient client,
      EventRecorder recorder,
      Clock clock,
      Function<String, List<Job>> jobsOfCronJob) {
    this.client = client;
    this.recorder = recorder;
    this.clock = clock;
    this.jobsOfCronJob = jobsOfCronJob;
  }

  @Override
  public Result reconcile(CronJob cronJob) {
    CronJobSchedule schedule;
    try {
      schedule = CronJobSchedule.of(cronJob);
    } catch (CronParseException | RuntimeException e) {
      return Result.reported(
          ReconcileEvent.warning(
              "UnparseableSchedule",
              "unparseable schedule: \""
                  + cronJob.getSpec().getSchedule()
                  + "\" : "
                  + e.getMessage()));
    }
    List<Job> jobs = new ArrayList<>(jobsOfCronJob.apply(cronJob.getMetadata().getUid()));
    addActiveNotYetCached(cronJob, jobs);
    CronJobSync.Plan plan = CronJobSync.plan(cronJob, jobs, schedule, clock.instant());

    for (Job job : plan.delete()) {
      delete(cronJob, job);
    }
    if (plan.create().isPresent()) {
      Job created = create(plan.create().get());
      List<ObjectReference> active =
          new ArrayList<>(
              plan.status().getActive() == null ? List.of() : plan.status().getActive());
      active.add(CronJobJobs.reference(created));
      plan.status().setActive(active);
      recorder.normal(
          cronJob, "SuccessfulCreate", "Created job " + created.getMetadata().getName());
    }
    if (!Objects.equals(cronJob.getStatus(), plan.status())) {
      cronJob.setStatus(plan.status());
      client.batch().v1().cronjobs().resource(cronJob).updateStatus();
    }
    for (ReconcileEvent event : plan.events()) {
      recorder.record(cronJob, event.type(), event.reason(), event.message());
    }
    return plan.requeueAfter().map(Result::requeueAfter).orElse(Result.done());
  }

  /** As Kubernetes, an active Job missing from the cache is read before it is called missing. */
  private void addActiveNotYetCached(CronJob cronJob, List<Job> jobs) {
    if (cronJob.getStatus() == null || cronJob.getStatus().getActive() == null) {
      return;
    }
    for (ObjectReference reference : cronJob.getStatus().getActive()) {
      boolean cached =
          jobs.stream().anyMatch(j -> j.getMetadata().getUid().equals(reference.getUid()));
      if (!cached) {
        Job fresh =
            client
                .batch()
                .v1()
                .jobs()
                .inNamespace(cronJob.getMetadata().getNamespace())
                .withName(reference.getName())
                .get();
        if (fresh != null && fresh.getMetadata().getUid().equals(reference.getUid())) {
          jobs.add(fresh);
        }
      }
    }
  }

  /** Creates the Job; one that already exists (created by an earlier, unrecorded try) is it. */
  private Job create(Job job) {
    try {
      return client.batch().v1().jobs().resource(job).create();
    } catch (KubernetesClientException e) {
      if (e.getCode() == HttpURLConnection.HTTP_CONFLICT) {
        Job existing = client.batch().v1().jobs().resource(job).get();
        if (existing != null
            && Owners.isControlledBy(
                existing, job.getMetadata().getOwnerReferences().get(0).getUid())) {
          return existing;
        }
      }
      throw e;
    }
  }

  private void delete(CronJob cronJob, Job job) {
    try {
      client
          .batch()
          .v1()
          .jobs()
          .resource(job)
          .withPropagationPolicy(DeletionPropagation.BACKGROUND)
          .delete();
      recorder.normal(cronJob, "SuccessfulDelete", "Deleted job " + job.getMetadata().getName());
    } catch (KubernetesClientException e) {
      if (e.getCode() != HttpURLConnection.HTTP_NOT_FOUND) {
        throw e;
      }
    }
  }
}
