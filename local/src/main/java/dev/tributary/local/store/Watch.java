package dev.tributary.local.store;

/** A running watch, returned by {@link Store#watch}. */
public interface Watch extends AutoCloseable {

  /**
   * Stops the watch. Idempotent, non-blocking, callable from any thread including the listener's
   * own. Afterwards the listener gets no {@link WatchListener#onEnd} and at most the one event that
   * was already being handed to it; a call already running finishes.
   */
  @Override
  void close();
}
