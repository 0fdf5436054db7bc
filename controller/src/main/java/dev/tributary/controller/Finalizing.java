package dev.tributary.controller;

import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.client.KubernetesClient;
import java.util.ArrayList;
import java.util.List;

/**
 * Adds a finalizer to every live object before reconciling it, and on deletion runs the {@link
 * Finalizer} and removes the finalizer once cleanup is done.
 *
 * <p>Finalizer changes are full updates carrying the object's {@code resourceVersion}, so a stale
 * copy fails with 409 Conflict (retried by the controller) instead of overwriting someone else's
 * change. The reconciler gets the object as the server returned it, so a later status write is not
 * stale.
 */
public final class Finalizing<T extends HasMetadata> implements Reconciler<T> {

  private final KubernetesClient client;
  private final String finalizer;
  private final Reconciler<T> reconciler;
  private final Finalizer<T> cleanup;

  /**
   * @param finalizer e.g. {@code pingsources.sources.knative.dev}
   */
  public Finalizing(
      KubernetesClient client, String finalizer, Reconciler<T> reconciler, Finalizer<T> cleanup) {
    this.client = client;
    this.finalizer = finalizer;
    this.reconciler = reconciler;
    this.cleanup = cleanup;
  }

  @Override
  public Result reconcile(T object) {
    List<String> finalizers = object.getMetadata().getFinalizers();
    boolean present = finalizers != null && finalizers.contains(finalizer);
    if (object.getMetadata().getDeletionTimestamp() != null) {
      if (!present) {
        return Result.done();
      }
      Result result = cleanup.finalizeKind(object);
      if (result instanceof Result.Done) {
        List<String> remaining = new ArrayList<>(finalizers);
        remaining.remove(finalizer);
        object.getMetadata().setFinalizers(remaining);
        client.resource(object).update();
      }
      return result;
    }
    if (present) {
      return reconciler.reconcile(object);
    }
    List<String> added = finalizers == null ? new ArrayList<>() : new ArrayList<>(finalizers);
    added.add(finalizer);
    object.getMetadata().setFinalizers(added);
    return reconciler.reconcile(client.resource(object).update());
  }
}
