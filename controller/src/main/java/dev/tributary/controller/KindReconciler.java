package dev.tributary.controller;

import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientException;
import io.fabric8.kubernetes.client.utils.KubernetesSerialization;
import java.net.HttpURLConnection;
import java.util.ArrayList;
import java.util.List;

/**
 * The part of a reconciler every kind shares, as knative.dev/pkg's generated {@code
 * reconcilerImpl}; a kind supplies only its {@link Reconciler} ({@code ReconcileKind}) and,
 * optionally, a {@link Finalizer} ({@code FinalizeKind}).
 *
 * <p>For a live object: adds the finalizer (when there is a Finalizer; {@code Normal
 * FinalizerUpdate} Event), runs the kind's reconciler on a copy, then writes the status it computed
 * if it changed (stamping {@code observedGeneration}, retrying conflicts; {@code Warning
 * UpdateFailed} Event when it cannot), even when the reconcile failed. For an object being deleted
 * that still has the finalizer: runs the Finalizer and removes the finalizer once it is done.
 * Finally reports: a {@link Result.Reported} event is recorded and counts as done; a failure is
 * recorded as {@code Warning InternalError}, except 409 Conflicts, which are expected.
 *
 * <p>Finalizer changes are full updates carrying the object's {@code resourceVersion}, so a stale
 * copy fails with 409 and is retried rather than overwriting another writer.
 */
public final class KindReconciler<T extends HasMetadata> implements Reconciler<T> {

  private final KubernetesClient client;
  private final KubernetesSerialization serialization;
  private final StatusWriter statusWriter;
  private final EventRecorder recorder;
  private final Reconciler<T> reconcileKind;
  private final String finalizerName;
  private final Finalizer<T> finalizeKind;

  /** A kind without a finalizer: its children are garbage-collected through owner references. */
  public KindReconciler(
      KubernetesClient client, EventRecorder recorder, Reconciler<T> reconcileKind) {
    this(client, recorder, reconcileKind, null, null);
  }

  /**
   * A kind that cleans up before it goes.
   *
   * @param finalizerName e.g. {@code pingsources.sources.knative.dev} (spec §1.4)
   */
  public KindReconciler(
      KubernetesClient client,
      EventRecorder recorder,
      Reconciler<T> reconcileKind,
      String finalizerName,
      Finalizer<T> finalizeKind) {
    this.client = client;
    this.serialization = client.getKubernetesSerialization();
    this.statusWriter = new StatusWriter(client);
    this.recorder = recorder;
    this.reconcileKind = reconcileKind;
    this.finalizerName = finalizerName;
    this.finalizeKind = finalizeKind;
  }

  @Override
  public Result reconcile(T object) {
    Result result;
    try {
      result =
          object.getMetadata().getDeletionTimestamp() == null
              ? reconcileLive(object)
              : finalize(object);
    } catch (StatusUpdateFailed e) {
      return Result.failed(e.getCause());
    } catch (RuntimeException e) {
      result = Result.failed(e);
    }
    return report(object, result);
  }

  private Result reconcileLive(T object) {
    T current = finalizerName == null || hasFinalizer(object) ? object : setFinalizer(object, true);
    T desired = serialization.clone(current);
    Result result;
    try {
      result = reconcileKind.reconcile(desired);
    } catch (RuntimeException e) {
      result = Result.failed(e);
    }
    try {
      statusWriter.writeIfChanged(current, desired);
    } catch (KubernetesClientException e) {
      recorder.warning(
          object,
          "UpdateFailed",
          "Failed to update status for " + quote(object) + ": " + e.getMessage());
      throw new StatusUpdateFailed(e);
    }
    return result;
  }

  private Result finalize(T object) {
    if (finalizerName == null || !hasFinalizer(object)) {
      return Result.done();
    }
    Result result;
    try {
      result = finalizeKind.finalizeKind(serialization.clone(object));
    } catch (RuntimeException e) {
      result = Result.failed(e);
    }
    if (result instanceof Result.Done || result instanceof Result.Reported) {
      setFinalizer(object, false);
    }
    return result;
  }

  private boolean hasFinalizer(T object) {
    List<String> finalizers = object.getMetadata().getFinalizers();
    return finalizers != null && finalizers.contains(finalizerName);
  }

  private T setFinalizer(T object, boolean present) {
    T changed = serialization.clone(object);
    List<String> finalizers =
        changed.getMetadata().getFinalizers() == null
            ? new ArrayList<>()
            : new ArrayList<>(changed.getMetadata().getFinalizers());
    if (present) {
      finalizers.add(finalizerName);
    } else {
      finalizers.remove(finalizerName);
    }
    changed.getMetadata().setFinalizers(finalizers);
    T updated;
    try {
      updated = client.resource(changed).update();
    } catch (KubernetesClientException e) {
      recorder.warning(
          object,
          "FinalizerUpdateFailed",
          "Failed to update finalizers for " + quote(object) + ": " + e.getMessage());
      throw e;
    }
    recorder.normal(object, "FinalizerUpdate", "Updated " + quote(object) + " finalizers");
    return updated;
  }

  private Result report(T object, Result result) {
    switch (result) {
      case Result.Reported reported -> {
        ReconcileEvent event = reported.event();
        recorder.record(object, event.type(), event.reason(), event.message());
        return Result.done();
      }
      case Result.Failed failed -> {
        if (!(failed.error() instanceof KubernetesClientException k
            && k.getCode() == HttpURLConnection.HTTP_CONFLICT)) {
          recorder.warning(object, "InternalError", String.valueOf(failed.error().getMessage()));
        }
        return result;
      }
      default -> {
        return result;
      }
    }
  }

  private static String quote(HasMetadata object) {
    return "\"" + object.getMetadata().getName() + "\"";
  }

  /** A status write failed; already reported as UpdateFailed, so not as InternalError too. */
  private static final class StatusUpdateFailed extends RuntimeException {
    StatusUpdateFailed(KubernetesClientException cause) {
      super(cause);
    }

    @Override
    public synchronized KubernetesClientException getCause() {
      return (KubernetesClientException) super.getCause();
    }
  }
}
