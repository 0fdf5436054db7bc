package dev.tributary.local.kube.batch;

import dev.tributary.controller.EventRecorder;
import dev.tributary.controller.ReconcileEvent;
import dev.tributary.controller.Reconciler;
import dev.tributary.controller.Result;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.batch.v1.Job;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientException;
import java.net.HttpURLConnection;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * The Job controller's imperative shell: runs {@link JobSync} over the Job's pods (from the pod
 * informer's cache), creates and deletes pods, records Events and writes the status when it
 * changed. Called by the {@link dev.tributary.controller.Controller}'s workers; blocks on API
 * calls; a failed call fails the reconcile (retried with backoff).
 */
final class JobReconciler implements Reconciler<Job> {

  private final KubernetesClient client;
  private final EventRecorder recorder;
  private final Clock clock;
  private final Function<String, List<Pod>> podsOfJob;
  private final PendingCreates pending = new PendingCreates();

  /**
   * @param podsOfJob the cached pods whose controller is the Job with this uid
   */
  JobReconciler(
      KubernetesClient client,
      EventRecorder recorder,
      Clock clock,
      Function<String, List<Pod>> podsOfJob) {
    this.client = client;
    this.recorder = recorder;
    this.clock = clock;
    this.podsOfJob = podsOfJob;
  }

  @Override
  public Result reconcile(Job job) {
    if (job.getMetadata().getDeletionTimestamp() != null) {
      return Result.done(); // its pods go with it, through their owner references
    }
    String uid = job.getMetadata().getUid();
    Instant now = clock.instant();
    List<Pod> pods = podsOfJob.apply(uid);
    Set<String> seen =
        pods.stream().map(p -> p.getMetadata().getName()).collect(Collectors.toSet());
    int unseen = pending.unseen(uid, seen, now);
    JobSync.Plan plan = JobSync.plan(job, pods, unseen, now);

    for (int i = 0; i < plan.create(); i++) {
      Pod created = client.pods().resource(JobPods.desired(job)).create();
      pending.created(uid, created.getMetadata().getName(), now);
      recorder.normal(job, "SuccessfulCreate", "Created pod: " + created.getMetadata().getName());
    }
    for (Pod pod : plan.delete()) {
      delete(job, pod);
    }
    if (!Objects.equals(job.getStatus(), plan.status())) {
      job.setStatus(plan.status());
      client.batch().v1().jobs().resource(job).updateStatus();
    }
    for (ReconcileEvent event : plan.events()) {
      recorder.record(job, event.type(), event.reason(), event.message());
    }
    if (!plan.events().isEmpty()) {
      pending.forget(uid);
    }
    return plan.requeueAfter()
        .map(delay -> Result.requeueAfter(delay.plus(Duration.ofMillis(100))))
        .orElse(Result.done());
  }

  private void delete(Job job, Pod pod) {
    try {
      client.pods().resource(pod).delete();
      recorder.normal(job, "SuccessfulDelete", "Deleted pod: " + pod.getMetadata().getName());
    } catch (KubernetesClientException e) {
      if (e.getCode() != HttpURLConnection.HTTP_NOT_FOUND) {
        throw e;
      }
    }
  }
}
