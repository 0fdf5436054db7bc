package dev.tributary.local.apiserver.watch;

/**
 * Where a watch's events go: a chunked HTTP response (one JSON object per line) or a WebSocket (one
 * text frame per event). Calls come one at a time (the stream serializes them) but from different
 * threads.
 */
public interface WatchSink {

  /**
   * Queues one event for sending. Never blocks. The event may be shared with other watches' sinks.
   */
  void send(EncodedEvent event);

  /**
   * Waits, unless called on an event loop, while the client is behind (its write queue full).
   *
   * @return false if the client stayed behind too long and the watch should end
   */
  boolean awaitWritable();

  /** Ends the stream cleanly. Idempotent. */
  void end();

  /** Runs {@code action} once when the client goes away (or the stream ends). */
  void onClose(Runnable action);
}
