package dev.tributary.local.apiserver.watch;

import io.vertx.core.Context;
import io.vertx.core.streams.WriteStream;
import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

/**
 * Makes a watch wait for a slow client instead of buffering without bound: after a write that fills
 * the stream's queue, the sending thread waits for it to drain. The store's delivery thread may
 * wait (its bounded queue then overflows and the watch ends with Expired, and the client relists,
 * as with Kubernetes); event-loop threads never wait.
 */
final class Backpressure {

  /** How long a client may leave its queue full before the watch is given up. */
  static final Duration MAX_WAIT = Duration.ofSeconds(60);

  private Backpressure() {}

  /**
   * Waits, if the caller may block, until {@code stream}'s write queue is no longer full.
   *
   * @return false if it stayed full for {@link #MAX_WAIT} (the caller should end the watch)
   */
  static boolean awaitDrain(WriteStream<?> stream) {
    if (!stream.writeQueueFull() || Context.isOnEventLoopThread()) {
      return true;
    }
    CountDownLatch drained = new CountDownLatch(1);
    stream.drainHandler(v -> drained.countDown());
    if (!stream.writeQueueFull()) {
      return true; // drained before the handler was set
    }
    try {
      return drained.await(MAX_WAIT.toMillis(), TimeUnit.MILLISECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return false;
    }
  }
}
