package dev.tributary.local.kube.apps;

import dev.tributary.controller.EventRecorder;
import dev.tributary.controller.Reconciler;
import dev.tributary.controller.Result;
import dev.tributary.controller.children.ControllerRefs;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.apps.ReplicaSet;
import io.fabric8.kubernetes.api.model.apps.ReplicaSetStatus;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientException;
import io.fabric8.kubernetes.client.utils.KubernetesSerialization;
import java.net.HttpURLConnection;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * Keeps {@code spec.replicas} active pods for a ReplicaSet, as kube-controller-manager's {@code
 * ReplicaSetController.syncReplicaSet}: creates missing pods ({@code Normal SuccessfulCreate
 * "Created pod: NAME"}, {@code Warning FailedCreate "Error creating: ..."}), deletes surplus ones
 * in {@link PodsOfReplicaSet#deletionOrder} ({@code Normal SuccessfulDelete "Deleted pod: NAME"}),
 * and reports replicas, fullyLabeledReplicas, readyReplicas and availableReplicas in the status
 * (written by the caller's {@code KindReconciler}).
 *
 * <p>Departure: pods are counted from a live list rather than the informer cache plus
 * kube-controller-manager's "expectations", so a pod just created is never created twice. Pods are
 * the ReplicaSet's when their controller reference names it; orphans are not adopted.
 *
 * <p>Called on controller worker threads; blocks on API calls.
 */
public final class ReplicaSetReconciler implements Reconciler<ReplicaSet> {

  private final KubernetesClient client;
  private final EventRecorder recorder;
  private final Clock clock;
  private final KubernetesSerialization serialization;

  public ReplicaSetReconciler(KubernetesClient client, EventRecorder recorder, Clock clock) {
    this.client = client;
    this.recorder = recorder;
    this.clock = clock;
    this.serialization = client.getKubernetesSerialization();
  }

  @Override
  public Result reconcile(ReplicaSet replicaSet) {
    if (replicaSet.getMetadata().getDeletionTimestamp() != null) {
      return Result.done();
    }
    List<Pod> active = activePods(replicaSet);
    Instant now = clock.instant();
    // As Kubernetes, the status reports the pods seen before this sync changes anything; the
    // watch events of the changes bring the ReplicaSet back.
    replicaSet.setStatus(status(replicaSet, active, now));
    int wanted =
        replicaSet.getSpec().getReplicas() == null ? 1 : replicaSet.getSpec().getReplicas();
    int diff = active.size() - wanted;
    if (diff < 0) {
      createPods(replicaSet, -diff);
    } else if (diff > 0) {
      deletePods(replicaSet, PodsOfReplicaSet.deletionOrder(active).subList(0, diff));
    }
    return nextAvailability(replicaSet, active, now)
        .map(Result::requeueAfter)
        .orElse(Result.done());
  }

  private List<Pod> activePods(ReplicaSet replicaSet) {
    var pods = client.pods().inNamespace(replicaSet.getMetadata().getNamespace());
    var selected =
        replicaSet.getSpec().getSelector() == null
            ? pods
            : pods.withLabelSelector(replicaSet.getSpec().getSelector());
    return selected.list().getItems().stream()
        .filter(pod -> ControllerRefs.isControlledBy(pod, replicaSet))
        .filter(PodsOfReplicaSet::isActive)
        .toList();
  }

  private void createPods(ReplicaSet replicaSet, int count) {
    for (int i = 0; i < count; i++) {
      Pod created;
      try {
        created =
            client
                .pods()
                .inNamespace(replicaSet.getMetadata().getNamespace())
                .resource(PodsOfReplicaSet.newPod(replicaSet, serialization))
                .create();
      } catch (KubernetesClientException e) {
        recorder.warning(replicaSet, "FailedCreate", "Error creating: " + reason(e));
        throw e;
      }
      recorder.normal(
          replicaSet, "SuccessfulCreate", "Created pod: " + created.getMetadata().getName());
    }
  }

  private void deletePods(ReplicaSet replicaSet, List<Pod> surplus) {
    for (Pod pod : surplus) {
      String name = pod.getMetadata().getName();
      try {
        client.pods().inNamespace(pod.getMetadata().getNamespace()).withName(name).delete();
      } catch (KubernetesClientException e) {
        if (e.getCode() == HttpURLConnection.HTTP_NOT_FOUND) {
          continue;
        }
        recorder.warning(replicaSet, "FailedDelete", "Error deleting: " + reason(e));
        throw e;
      }
      recorder.normal(replicaSet, "SuccessfulDelete", "Deleted pod: " + name);
    }
  }

  /** The API server's own message, as client-go's error prints it, when there is one. */
  private static String reason(KubernetesClientException e) {
    return e.getStatus() != null && e.getStatus().getMessage() != null
        ? e.getStatus().getMessage()
        : e.getMessage();
  }

  private static ReplicaSetStatus status(ReplicaSet replicaSet, List<Pod> active, Instant now) {
    int minReady = minReadySeconds(replicaSet);
    var templateLabels =
        replicaSet.getSpec().getTemplate() == null
                || replicaSet.getSpec().getTemplate().getMetadata() == null
                || replicaSet.getSpec().getTemplate().getMetadata().getLabels() == null
            ? java.util.Map.<String, String>of()
            : replicaSet.getSpec().getTemplate().getMetadata().getLabels();
    int fullyLabeled =
        (int)
            active.stream()
                .filter(
                    p ->
                        p.getMetadata().getLabels() != null
                            && p.getMetadata()
                                .getLabels()
                                .entrySet()
                                .containsAll(templateLabels.entrySet()))
                .count();
    int ready = (int) active.stream().filter(PodsOfReplicaSet::isReady).count();
    int available =
        (int) active.stream().filter(p -> PodsOfReplicaSet.isAvailable(p, minReady, now)).count();
    ReplicaSetStatus status =
        replicaSet.getStatus() == null ? new ReplicaSetStatus() : replicaSet.getStatus();
    status.setReplicas(active.size());
    // Kubernetes leaves zero counts out (omitempty), except replicas.
    status.setFullyLabeledReplicas(fullyLabeled == 0 ? null : fullyLabeled);
    status.setReadyReplicas(ready == 0 ? null : ready);
    status.setAvailableReplicas(available == 0 ? null : available);
    return status;
  }

  /** When a ready pod becomes available after minReadySeconds, sync again then. */
  private static Optional<Duration> nextAvailability(
      ReplicaSet replicaSet, List<Pod> active, Instant now) {
    int minReady = minReadySeconds(replicaSet);
    if (minReady <= 0) {
      return Optional.empty();
    }
    return active.stream()
        .map(p -> PodsOfReplicaSet.availableIn(p, minReady, now))
        .flatMap(Optional::stream)
        .filter(d -> !d.isZero())
        .min(Duration::compareTo)
        .map(d -> d.plusMillis(100));
  }

  private static int minReadySeconds(ReplicaSet replicaSet) {
    Integer value = replicaSet.getSpec().getMinReadySeconds();
    return value == null ? 0 : value;
  }
}
