package dev.tributary.controller;

/**
 * A Kubernetes Event a reconcile asks to have recorded on its object, as knative.dev/pkg's {@code
 * reconciler.Event}: e.g. {@code Warning SinkNotFound "Sink not found: {...}"}.
 *
 * @param type {@link EventRecorder#NORMAL} or {@link EventRecorder#WARNING}
 */
public record ReconcileEvent(String type, String reason, String message) {

  public static ReconcileEvent normal(String reason, String message) {
    return new ReconcileEvent(EventRecorder.NORMAL, reason, message);
  }

  public static ReconcileEvent warning(String reason, String message) {
    return new ReconcileEvent(EventRecorder.WARNING, reason, message);
  }
}
