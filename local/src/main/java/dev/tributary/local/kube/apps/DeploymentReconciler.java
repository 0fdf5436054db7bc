package dev.tributary.local.kube.apps;

import dev.tributary.controller.EventRecorder;
import dev.tributary.controller.Reconciler;
import dev.tributary.controller.Result;
import dev.tributary.controller.children.ControllerRefs;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.apps.DeploymentStatus;
import io.fabric8.kubernetes.api.model.apps.ReplicaSet;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientException;
import io.fabric8.kubernetes.client.dsl.base.PatchContext;
import io.fabric8.kubernetes.client.dsl.base.PatchType;
import java.net.HttpURLConnection;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Rolls a Deployment out through ReplicaSets, as kube-controller-manager's {@code
 * DeploymentController.syncDeployment}: the ReplicaSet of the current template ({@link
 * NewReplicaSet}) is created or found; RollingUpdate scales it up within {@code maxSurge} and the
 * old ones down within {@code maxUnavailable}; Recreate scales the old ones to zero first; old
 * ReplicaSets beyond {@code revisionHistoryLimit} are deleted once a rollout completes; the status
 * ({@link RolloutStatus}) is left on the object for the caller's {@code KindReconciler} to write.
 * Every scaling is an Event {@code Normal ScalingReplicaSet "Scaled up replica set X from A to B"}.
 *
 * <p>Departures: no proportional scaling of several active ReplicaSets on a mid-rollout resize (nor
 * of a paused one), no rollback annotation handling, no adoption of orphaned ReplicaSets; Recreate
 * waits for the old ReplicaSets' {@code status.replicas} to reach zero rather than inspecting their
 * pods.
 *
 * <p>Called on controller worker threads; blocks on API calls.
 */
public final class DeploymentReconciler implements Reconciler<Deployment> {

  private final KubernetesClient client;
  private final EventRecorder recorder;
  private final Clock clock;

  public DeploymentReconciler(KubernetesClient client, EventRecorder recorder, Clock clock) {
    this.client = client;
    this.recorder = recorder;
    this.clock = clock;
  }

  @Override
  public Result reconcile(Deployment deployment) {
    if (deployment.getMetadata().getDeletionTimestamp() != null) {
      return Result.done();
    }
    if (deployment.getStatus() == null) {
      deployment.setStatus(new DeploymentStatus());
    }
    return new Sync(deployment, ownedReplicaSets(deployment)).run();
  }

  private List<ReplicaSet> ownedReplicaSets(Deployment deployment) {
    var replicaSets =
        client.apps().replicaSets().inNamespace(deployment.getMetadata().getNamespace());
    var selected =
        deployment.getSpec().getSelector() == null
            ? replicaSets
            : replicaSets.withLabelSelector(deployment.getSpec().getSelector());
    return selected.list().getItems().stream()
        .filter(rs -> ControllerRefs.isControlledBy(rs, deployment))
        .sorted(
            Comparator.comparing(
                    (ReplicaSet rs) -> String.valueOf(rs.getMetadata().getCreationTimestamp()))
                .thenComparing(rs -> rs.getMetadata().getName()))
        .toList();
  }

  /** One sync of one Deployment; holds the ReplicaSets as they change. */
  private final class Sync {

    private final Deployment deployment;
    private final Instant now = clock.instant();
    private final String hash;
    private ReplicaSet newReplicaSet;
    private final List<ReplicaSet> old = new ArrayList<>();

    Sync(Deployment deployment, List<ReplicaSet> owned) {
      this.deployment = deployment;
      this.hash =
          PodTemplateHash.of(
              deployment.getSpec().getTemplate(),
              deployment.getStatus().getCollisionCount(),
              client.getKubernetesSerialization());
      for (ReplicaSet rs : owned) {
        if (newReplicaSet == null && isCurrent(rs)) {
          newReplicaSet = rs;
        } else {
          old.add(rs);
        }
      }
    }

    private boolean isCurrent(ReplicaSet rs) {
      Map<String, String> labels = rs.getMetadata().getLabels();
      return (labels != null && hash.equals(labels.get(NewReplicaSet.HASH_LABEL)))
          || NewReplicaSet.sameTemplate(
              rs.getSpec().getTemplate(),
              deployment.getSpec().getTemplate(),
              client.getKubernetesSerialization());
    }

    Result run() {
      syncPausedCondition();
      if (Boolean.TRUE.equals(deployment.getSpec().getPaused())) {
        // A paused Deployment is not rolled out, but a resize still reaches its ReplicaSet.
        syncNewReplicaSet(false);
        ReplicaSet target = activeOrLatest();
        if (target != null) {
          scale(target, RolloutLimits.replicas(deployment));
        }
        // As Kubernetes' sync of a paused Deployment: counts and Available, no progress estimate.
        deployment.setStatus(RolloutStatus.calculate(deployment, all(), newReplicaSet, now, false));
        return Result.done();
      }
      try {
        return RolloutLimits.isRolling(deployment) ? rolling() : recreate();
      } catch (HashCollision collision) {
        syncStatus();
        return Result.failed(collision);
      }
    }

    private Result rolling() {
      syncNewReplicaSet(true);
      if (scaleNew() || scaleDownOld()) {
        return syncStatus();
      }
      if (RolloutStatus.isComplete(deployment, deployment.getStatus())) {
        cleanUp();
      }
      return syncStatus();
    }

    private Result recreate() {
      syncNewReplicaSet(false);
      boolean scaledDown = false;
      for (ReplicaSet rs : List.copyOf(old)) {
        if (ReplicaSetCounts.spec(rs) > 0) {
          scale(rs, 0);
          scaledDown = true;
        }
      }
      if (scaledDown || ReplicaSetCounts.statusTotal(old) > 0) {
        return syncStatus();
      }
      if (newReplicaSet == null) {
        syncNewReplicaSet(true);
      }
      if (ReplicaSetCounts.spec(newReplicaSet) != RolloutLimits.replicas(deployment)) {
        scale(newReplicaSet, RolloutLimits.replicas(deployment));
      }
      if (RolloutStatus.isComplete(deployment, deployment.getStatus())) {
        cleanUp();
      }
      return syncStatus();
    }

    /**
     * {@code checkPausedConditions}: Progressing Unknown DeploymentPaused while paused, Unknown
     * DeploymentResumed once resumed (until the rollout's progress replaces it).
     */
    private void syncPausedCondition() {
      boolean paused = Boolean.TRUE.equals(deployment.getSpec().getPaused());
      boolean pausedCondition =
          DeploymentConditions.get(deployment.getStatus(), DeploymentConditions.PROGRESSING)
              .filter(c -> DeploymentConditions.DEPLOYMENT_PAUSED.equals(c.getReason()))
              .isPresent();
      if (paused && !pausedCondition) {
        DeploymentConditions.set(
            deployment.getStatus(),
            DeploymentConditions.condition(
                DeploymentConditions.PROGRESSING,
                null,
                DeploymentConditions.DEPLOYMENT_PAUSED,
                DeploymentConditions.PAUSED_MESSAGE,
                now));
      } else if (!paused && pausedCondition) {
        DeploymentConditions.set(
            deployment.getStatus(),
            DeploymentConditions.condition(
                DeploymentConditions.PROGRESSING,
                null,
                DeploymentConditions.DEPLOYMENT_RESUMED,
                DeploymentConditions.RESUMED_MESSAGE,
                now));
      }
    }

    /**
     * {@code FindActiveOrLatest}: the only ReplicaSet with replicas, else (none has any) the new
     * one or the newest old one; null when several have replicas.
     */
    private ReplicaSet activeOrLatest() {
      List<ReplicaSet> active = all().stream().filter(rs -> ReplicaSetCounts.spec(rs) > 0).toList();
      if (active.size() == 1) {
        return active.get(0);
      }
      if (!active.isEmpty()) {
        return null;
      }
      return newReplicaSet != null ? newReplicaSet : old.isEmpty() ? null : old.get(old.size() - 1);
    }

    /** {@code getNewReplicaSet}: brings the current ReplicaSet's revision up, or creates it. */
    private void syncNewReplicaSet(boolean create) {
      long next = old.stream().mapToLong(DeploymentReconciler::revision).max().orElse(0) + 1;
      if (newReplicaSet != null) {
        if (revision(newReplicaSet) < next
            || !Objects.equals(
                newReplicaSet.getSpec().getMinReadySeconds(),
                deployment.getSpec().getMinReadySeconds())) {
          ReplicaSet copy = client.getKubernetesSerialization().clone(newReplicaSet);
          long revision = Math.max(revision(newReplicaSet), next);
          annotations(copy).put(NewReplicaSet.REVISION, Long.toString(revision));
          copy.getSpec().setMinReadySeconds(deployment.getSpec().getMinReadySeconds());
          newReplicaSet = client.resource(copy).update();
        }
        if (RolloutStatus.hasProgressDeadline(deployment)
            && DeploymentConditions.get(deployment.getStatus(), DeploymentConditions.PROGRESSING)
                .isEmpty()) {
          DeploymentConditions.set(
              deployment.getStatus(),
              DeploymentConditions.condition(
                  DeploymentConditions.PROGRESSING,
                  true,
                  DeploymentConditions.FOUND_NEW_REPLICA_SET,
                  DeploymentConditions.foundMessage(newReplicaSet.getMetadata().getName()),
                  now));
        }
        syncDeploymentRevision(revision(newReplicaSet));
        return;
      }
      if (!create) {
        return;
      }
      int replicas = newReplicas(0);
      ReplicaSet desired =
          NewReplicaSet.build(
              deployment, hash, replicas, next, client.getKubernetesSerialization());
      try {
        newReplicaSet = client.resource(desired).create();
      } catch (KubernetesClientException e) {
        if (e.getCode() != HttpURLConnection.HTTP_CONFLICT) {
          throw e;
        }
        adoptOrCollide(desired);
        return;
      }
      if (replicas > 0) {
        recorder.normal(
            deployment,
            "ScalingReplicaSet",
            "Scaled up replica set "
                + newReplicaSet.getMetadata().getName()
                + " from 0 to "
                + replicas);
      }
      if (RolloutStatus.hasProgressDeadline(deployment)) {
        DeploymentConditions.set(
            deployment.getStatus(),
            DeploymentConditions.condition(
                DeploymentConditions.PROGRESSING,
                true,
                DeploymentConditions.NEW_REPLICA_SET_CREATED,
                DeploymentConditions.createdMessage(newReplicaSet.getMetadata().getName()),
                now));
      }
      syncDeploymentRevision(next);
    }

    /** A ReplicaSet of that name exists: ours with this template, or a hash collision. */
    private void adoptOrCollide(ReplicaSet desired) {
      ReplicaSet existing = client.resource(desired).get();
      if (existing != null
          && ControllerRefs.isControlledBy(existing, deployment)
          && NewReplicaSet.sameTemplate(
              existing.getSpec().getTemplate(),
              deployment.getSpec().getTemplate(),
              client.getKubernetesSerialization())) {
        newReplicaSet = existing;
        return;
      }
      Integer count = deployment.getStatus().getCollisionCount();
      deployment.getStatus().setCollisionCount(count == null ? 1 : count + 1);
      throw new HashCollision(desired.getMetadata().getName());
    }

    /** {@code NewRSNewReplicas}: how far the new ReplicaSet may grow now. */
    private int newReplicas(int current) {
      int wanted = RolloutLimits.replicas(deployment);
      if (!RolloutLimits.isRolling(deployment)) {
        return wanted;
      }
      int pods = ReplicaSetCounts.specTotal(all());
      int maxTotal = wanted + RolloutLimits.of(deployment).maxSurge();
      if (pods >= maxTotal) {
        return current;
      }
      return current + Math.min(maxTotal - pods, wanted - current);
    }

    /** {@code reconcileNewReplicaSet}. */
    private boolean scaleNew() {
      int wanted = RolloutLimits.replicas(deployment);
      int current = ReplicaSetCounts.spec(newReplicaSet);
      if (current == wanted) {
        return false;
      }
      return scale(newReplicaSet, current > wanted ? wanted : newReplicas(current));
    }

    /** {@code reconcileOldReplicaSets}: unhealthy old pods first, then within maxUnavailable. */
    private boolean scaleDownOld() {
      if (ReplicaSetCounts.specTotal(old) == 0) {
        return false;
      }
      int minAvailable =
          RolloutLimits.replicas(deployment) - RolloutLimits.of(deployment).maxUnavailable();
      int newUnavailable =
          ReplicaSetCounts.spec(newReplicaSet) - ReplicaSetCounts.available(newReplicaSet);
      int maxScaledDown = ReplicaSetCounts.specTotal(all()) - minAvailable - newUnavailable;
      if (maxScaledDown <= 0) {
        return false;
      }
      int cleaned = 0;
      for (ReplicaSet rs : List.copyOf(old)) {
        if (cleaned >= maxScaledDown) {
          break;
        }
        int unhealthy = ReplicaSetCounts.spec(rs) - ReplicaSetCounts.available(rs);
        if (ReplicaSetCounts.spec(rs) == 0 || unhealthy <= 0) {
          continue;
        }
        int down = Math.min(maxScaledDown - cleaned, unhealthy);
        scale(rs, ReplicaSetCounts.spec(rs) - down);
        cleaned += down;
      }
      int scaledDown = 0;
      int available = ReplicaSetCounts.availableTotal(all());
      int budget = available - minAvailable;
      for (ReplicaSet rs : List.copyOf(old)) {
        if (scaledDown >= budget) {
          break;
        }
        if (ReplicaSetCounts.spec(rs) == 0) {
          continue;
        }
        int down = Math.min(ReplicaSetCounts.spec(rs), budget - scaledDown);
        scale(rs, ReplicaSetCounts.spec(rs) - down);
        scaledDown += down;
      }
      return cleaned + scaledDown > 0;
    }

    /** {@code cleanupDeployment}: deletes the oldest idle ReplicaSets past the history limit. */
    private void cleanUp() {
      Integer limit = deployment.getSpec().getRevisionHistoryLimit();
      if (limit == null) {
        return;
      }
      List<ReplicaSet> alive =
          old.stream()
              .filter(rs -> rs.getMetadata().getDeletionTimestamp() == null)
              .sorted(Comparator.comparingLong(DeploymentReconciler::revision))
              .toList();
      int surplus = alive.size() - limit;
      for (int i = 0; i < surplus; i++) {
        ReplicaSet rs = alive.get(i);
        if (ReplicaSetCounts.status(rs) != 0 || ReplicaSetCounts.spec(rs) != 0) {
          continue;
        }
        try {
          client.resource(rs).delete();
        } catch (KubernetesClientException e) {
          if (e.getCode() != HttpURLConnection.HTTP_NOT_FOUND) {
            throw e;
          }
        }
        old.remove(rs);
      }
    }

    /** {@code scaleReplicaSetAndRecordEvent}. */
    private boolean scale(ReplicaSet rs, int replicas) {
      int from = ReplicaSetCounts.spec(rs);
      if (from == replicas) {
        return false;
      }
      ReplicaSet copy = client.getKubernetesSerialization().clone(rs);
      copy.getSpec().setReplicas(replicas);
      annotations(copy).putAll(NewReplicaSet.replicaAnnotations(deployment));
      ReplicaSet updated = client.resource(copy).update();
      if (rs == newReplicaSet) {
        newReplicaSet = updated;
      } else {
        old.set(old.indexOf(rs), updated);
      }
      recorder.normal(
          deployment,
          "ScalingReplicaSet",
          "Scaled "
              + (from < replicas ? "up" : "down")
              + " replica set "
              + rs.getMetadata().getName()
              + " from "
              + from
              + " to "
              + replicas);
      return true;
    }

    /** Keeps the Deployment's revision annotation on its new ReplicaSet's revision. */
    private void syncDeploymentRevision(long revision) {
      String value = Long.toString(revision);
      Map<String, String> annotations = deployment.getMetadata().getAnnotations();
      if (annotations != null && value.equals(annotations.get(NewReplicaSet.REVISION))) {
        return;
      }
      String patch =
          "{\"metadata\":{\"annotations\":{\"" + NewReplicaSet.REVISION + "\":\"" + value + "\"}}}";
      client
          .apps()
          .deployments()
          .inNamespace(deployment.getMetadata().getNamespace())
          .withName(deployment.getMetadata().getName())
          .patch(new PatchContext.Builder().withPatchType(PatchType.JSON_MERGE).build(), patch);
    }

    private Result syncStatus() {
      deployment.setStatus(RolloutStatus.calculate(deployment, all(), newReplicaSet, now, true));
      return Result.done();
    }

    private List<ReplicaSet> all() {
      List<ReplicaSet> all = new ArrayList<>(old);
      if (newReplicaSet != null) {
        all.add(newReplicaSet);
      }
      return all;
    }
  }

  static long revision(ReplicaSet rs) {
    Map<String, String> annotations = rs.getMetadata().getAnnotations();
    String value = annotations == null ? null : annotations.get(NewReplicaSet.REVISION);
    try {
      return value == null ? 0 : Long.parseLong(value);
    } catch (NumberFormatException e) {
      return 0;
    }
  }

  private static Map<String, String> annotations(ReplicaSet rs) {
    if (rs.getMetadata().getAnnotations() == null) {
      rs.getMetadata().setAnnotations(new HashMap<>());
    } else {
      rs.getMetadata().setAnnotations(new HashMap<>(rs.getMetadata().getAnnotations()));
    }
    return rs.getMetadata().getAnnotations();
  }

  /** The ReplicaSet name for the template's hash belongs to something else. */
  private static final class HashCollision extends RuntimeException {
    HashCollision(String name) {
      super("hash collision: replica set " + name + " exists with another template");
    }
  }
}
