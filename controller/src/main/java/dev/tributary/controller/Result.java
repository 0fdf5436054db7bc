package dev.tributary.controller;

import java.time.Duration;

/** What a reconcile asks of the work queue. */
public sealed interface Result {

  /** Done: forget the key's backoff; the next change enqueues it again. */
  record Done() implements Result {}

  /** Done for now, but reconcile again after {@code delay} (e.g. to poll something external). */
  record RequeueAfter(Duration delay) implements Result {}

  /** Failed: log {@code error} with the key and retry after the key's next backoff delay. */
  record Failed(Exception error) implements Result {}

  static Result done() {
    return new Done();
  }

  static Result requeueAfter(Duration delay) {
    return new RequeueAfter(delay);
  }

  static Result failed(Exception error) {
    return new Failed(error);
  }
}
