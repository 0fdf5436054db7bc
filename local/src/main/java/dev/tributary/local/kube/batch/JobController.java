package dev.tributary.local.kube.batch;

import dev.tributary.controller.Controller;
import dev.tributary.controller.EventRecorder;
import dev.tributary.controller.ExecutorDelayScheduler;
import dev.tributary.controller.ExponentialBackoff;
import dev.tributary.controller.ObjectKey;
import dev.tributary.controller.WorkQueue;
import io.fabric8.kubernetes.api.model.OwnerReference;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.batch.v1.Job;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.informers.ResourceEventHandler;
import io.fabric8.kubernetes.client.informers.SharedIndexInformer;
import java.time.Clock;
import java.util.List;
import java.util.Map;
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
  private static final String BY_CONTROLLER = "controller-uid";
  private static final int WORKERS = 2;

  private final SharedIndexInformer<Pod> pods;
  private final ExecutorDelayScheduler scheduler;
  private final Controller<Job> controller;

  public JobController(KubernetesClient client, Clock clock) {
    this.pods = client.pods().inAnyNamespace().runnableInformer(0);
    pods.addIndexers(
        Map.of(
            BY_CONTROLLER,
            pod -> Owners.controllerOf(pod).map(r -> List.of(r.getUid())).orElse(List.of())));
    EventRecorder recorder = new EventRecorder(client, COMPONENT, clock);
    JobReconciler reconciler =
        new JobReconciler(
            client, recorder, clock, uid -> pods.getIndexer().byIndex(BY_CONTROLLER, uid));
    this.scheduler = new ExecutorDelayScheduler(COMPONENT + "-delays");
    this.controller =
        new Controller<>(
            COMPONENT,
            client.batch().v1().jobs().inAnyNamespace().runnableInformer(0),
            reconciler,
            new WorkQueue<>(ExponentialBackoff.controllerDefault(), scheduler),
            WORKERS,
            client.getKubernetesSerialization());
    pods.addEventHandler(
        new ResourceEventHandler<Pod>() {
          @Override
          public void onAdd(Pod pod) {
            enqueueOwner(pod);
          }

          @Override
          public void onUpdate(Pod before, Pod after) {
            enqueueOwner(after);
          }

          @Override
          public void onDelete(Pod pod, boolean finalStateUnknown) {
            enqueueOwner(pod);
          }
        });
  }

  private void enqueueOwner(Pod pod) {
    Owners.controllerOf(pod)
        .filter(JobController::isJob)
        .ifPresent(
            r -> controller.enqueue(new ObjectKey(pod.getMetadata().getNamespace(), r.getName())));
  }

  private static boolean isJob(OwnerReference reference) {
    return "Job".equals(reference.getKind())
        && reference.getApiVersion() != null
        && reference.getApiVersion().startsWith("batch/");
  }

  /** Starts the informers, then the workers; completes once both caches have synced. */
  public CompletableFuture<Void> start() {
    return pods.start()
        .toCompletableFuture()
        .thenCompose(ignored -> controller.start())
        .thenRun(controller::startWorkers);
  }

  /** Stops the workers and informers. */
  @Override
  public void close() {
    controller.close();
    pods.close();
    scheduler.close();
  }
}
