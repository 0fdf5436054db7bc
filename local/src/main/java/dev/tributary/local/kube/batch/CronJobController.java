package dev.tributary.local.kube.batch;

import dev.tributary.controller.Controller;
import dev.tributary.controller.EventRecorder;
import dev.tributary.controller.ExecutorDelayScheduler;
import dev.tributary.controller.ExponentialBackoff;
import dev.tributary.controller.ObjectKey;
import dev.tributary.controller.WorkQueue;
import io.fabric8.kubernetes.api.model.batch.v1.CronJob;
import io.fabric8.kubernetes.api.model.batch.v1.Job;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.informers.ResourceEventHandler;
import io.fabric8.kubernetes.client.informers.SharedIndexInformer;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;

/**
 * kube-controller-manager's CronJob controller for the local cluster: every batch/v1 CronJob (the
 * API server serves batch/v1beta1 too, stored as v1) gets its Jobs on schedule, by the injected
 * {@link Clock} (see {@link CronJobSync}). Watches CronJobs and Jobs in all namespaces; a Job
 * change brings back the CronJob that controls it, and each CronJob is looked at again when its
 * next activation is due.
 *
 * <p>Lifecycle: {@link #start} starts both informers and the workers, completing once the caches
 * have synced; {@link #close} stops everything. Owns its informers, queue and threads; the client
 * stays the caller's.
 */
public final class CronJobController implements AutoCloseable {

  static final String COMPONENT = "cronjob-controller";
  private static final String BY_CONTROLLER = "controller-uid";
  private static final int WORKERS = 1;

  private final SharedIndexInformer<Job> jobs;
  private final ExecutorDelayScheduler scheduler;
  private final Controller<CronJob> controller;

  public CronJobController(KubernetesClient client, Clock clock) {
    this.jobs = client.batch().v1().jobs().inAnyNamespace().runnableInformer(0);
    jobs.addIndexers(
        Map.of(
            BY_CONTROLLER,
            job -> Owners.controllerOf(job).map(r -> List.of(r.getUid())).orElse(List.of())));
    EventRecorder recorder = new EventRecorder(client, COMPONENT, clock);
    CronJobReconciler reconciler =
        new CronJobReconciler(
            client, recorder, clock, uid -> jobs.getIndexer().byIndex(BY_CONTROLLER, uid));
    this.scheduler = new ExecutorDelayScheduler(COMPONENT + "-delays");
    this.controller =
        new Controller<>(
            COMPONENT,
            client.batch().v1().cronjobs().inAnyNamespace().runnableInformer(0),
            reconciler,
            new WorkQueue<>(ExponentialBackoff.controllerDefault(), scheduler),
            WORKERS,
            client.getKubernetesSerialization());
    jobs.addEventHandler(
        new ResourceEventHandler<Job>() {
          @Override
          public void onAdd(Job job) {
            enqueueOwner(job);
          }

          @Override
          public void onUpdate(Job before, Job after) {
            enqueueOwner(after);
          }

          @Override
          public void onDelete(Job job, boolean finalStateUnknown) {
            enqueueOwner(job);
          }
        });
  }

  private void enqueueOwner(Job job) {
    Owners.controllerOf(job)
        .filter(r -> "CronJob".equals(r.getKind()))
        .ifPresent(
            r -> controller.enqueue(new ObjectKey(job.getMetadata().getNamespace(), r.getName())));
  }

  /** Starts the informers, then the workers; completes once both caches have synced. */
  public CompletableFuture<Void> start() {
    return jobs.start()
        .toCompletableFuture()
        .thenCompose(ignored -> controller.start())
        .thenRun(controller::startWorkers);
  }

  /** Stops the workers and informers. */
  @Override
  public void close() {
    controller.close();
    jobs.close();
    scheduler.close();
  }
}
