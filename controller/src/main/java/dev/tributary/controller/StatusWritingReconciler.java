package dev.tributary.controller;

import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.client.utils.KubernetesSerialization;

/**
 * Runs a reconciler on a copy and then writes the status it computed, only when it changed, even
 * when the reconcile failed (the failure is then still returned), as Knative's generated
 * reconcilers do. Objects being deleted are handed through without a status write.
 */
public final class StatusWritingReconciler<T extends HasMetadata> implements Reconciler<T> {

  private final Reconciler<T> delegate;
  private final StatusWriter writer;
  private final KubernetesSerialization serialization;

  public StatusWritingReconciler(
      Reconciler<T> delegate, StatusWriter writer, KubernetesSerialization serialization) {
    this.delegate = delegate;
    this.writer = writer;
    this.serialization = serialization;
  }

  @Override
  public Result reconcile(T object) {
    if (object.getMetadata().getDeletionTimestamp() != null) {
      return delegate.reconcile(object);
    }
    T desired = serialization.clone(object);
    Result result;
    try {
      result = delegate.reconcile(desired);
    } catch (RuntimeException e) {
      result = Result.failed(e);
    }
    writer.writeIfChanged(object, desired);
    return result;
  }
}
