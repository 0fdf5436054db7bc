package dev.tributary.controller;

import java.time.Duration;

/** What a reconcile asks of the work queue. */
public sealed interface Result {

  /** Done: forget the key's backoff; the next change enqueues it again. */
  record Done() implements Result {}

  /** Done for now, but reconcile again after {@code delay} (e.g. to poll something external). */
  record RequeueAfter(Duration delay) implements Result {}

  /**
   * Failed: log {@code error} with the key and retry after the key's next backoff delay. {@link
   * KindReconciler} records it as a {@code Warning InternalError} Event (409 Conflicts excepted).
   */
  record Failed(Exception error) implements Result {}

  /**
   * Done, and tell the user through an Event on the object: knative.dev/pkg treats a returned
   * event, even a Warning, as a finished reconcile (the tracker brings the object back when what it
   * waits for changes).
   */
  record Reported(ReconcileEvent event) implements Result {}

  static Result done() {
    return new Done();
  }

  static Result requeueAfter(Duration delay) {
    return new RequeueAfter(delay);
  }

  static Result failed(Exception error) {
    return new Failed(error);
  }

  static Result reported(ReconcileEvent event) {
    return new Reported(event);
  }
}
