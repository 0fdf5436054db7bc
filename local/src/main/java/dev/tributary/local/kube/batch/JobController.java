package dev.tributary.local.kube.batch;

import dev.tributary.local.kube.OwnedController;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.batch.v1.Job;
import io.fabric8.kubernetes.client.KubernetesClient;
import java.time.Clock;
import java.util.concurrent.CompletableFuture;

/**
 * kube-controller-manager's Job controller for the local cluster: every batch/v1 Job gets its pods
 * (see {@link JobSync} for what it decides). Watches Jobs and pods in all namespaces; a pod change
 * brings back the Job that controls it.
 *
 * <p>Lifecycle: {@link #start} starts both informers and the workers, completing once the caches
 * have synced; {@link #close} stops everything. Owns its informers, queue and threads; the client
 * stays the caller's.
 */
public final class JobController implements AutoCloseable {

  static final String COMPONENT = "job-controller";
  private static final int WORKERS = 2;

  private final OwnedController<Job, Pod> loop;

  public JobController(KubernetesClient client, Clock clock) {
    this.loop =
        new OwnedController<>(
            COMPONENT,
            client,
            clock,
            Job.class,
            "Job",
            Pod.class,
            WORKERS,
            parts -> new JobReconciler(client, parts.recorder(), clock, parts.childrenOf()));
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
