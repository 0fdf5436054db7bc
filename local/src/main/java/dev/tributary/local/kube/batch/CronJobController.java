package dev.tributary.local.kube.batch;

import dev.tributary.local.kube.OwnedController;
import io.fabric8.kubernetes.api.model.batch.v1.CronJob;
import io.fabric8.kubernetes.api.model.batch.v1.Job;
import io.fabric8.kubernetes.client.KubernetesClient;
import java.time.Clock;
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
  private static final int WORKERS = 1;

  private final OwnedController<CronJob, Job> loop;

  public CronJobController(KubernetesClient client, Clock clock) {
    this.loop =
        new OwnedController<>(
            COMPONENT,
            client,
            clock,
            CronJob.class,
            "CronJob",
            Job.class,
            WORKERS,
            parts -> new CronJobReconciler(client, parts.recorder(), clock, parts.childrenOf()));
  }

  /** Starts the informers, then the workers; completes once both caches have synced. */
  public CompletableFuture<Void> start() {
    return loop.start();
  }

  /** Stops the workers and informers. */
  @Override
  public void close() {
    loop.close();
  }
}
