package dev.tributary.local.apiserver.watch;

/**
 * Where a watch's events go: a chunked HTTP response (one JSON object per line) or a WebSocket (one
 * text frame per event). Calls come one at a time (the stream serializes them) but from different
 * threads.
 */
public interface WatchSink {

  /** Sends one event, a compact JSON object without a trailing newline. */
  void send(String event);

  /** Ends the stream cleanly. Idempotent. */
  void end();

  /** Runs {@code action} once when the client goes away (or the stream ends). */
  void onClose(Runnable action);
}
