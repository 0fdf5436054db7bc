package dev.tributary.local.store;

/**
 * Receives one watch's events. Both methods are called from the watch's own delivery thread (a
 * virtual thread), one call at a time, never concurrently. A listener may block: that only delays
 * its own watch (whose queue may then overflow, see {@link #onEnd}); writers and other watches
 * never wait for it.
 */
public interface WatchListener {

  /**
   * The next event, in revision order. An exception thrown here is logged and ends the watch
   * without a call to {@link #onEnd}.
   */
  void onEvent(WatchEvent event);

  /**
   * The store ended the watch; called at most once, and never after the caller's own {@link
   * Watch#close()}.
   *
   * @param cause {@link StoreException.Expired} when the watcher fell too far behind (its bounded
   *     queue overflowed): events were dropped, so the client must list again — the API server
   *     sends 410 Expired; or {@code null} when the store was closed.
   */
  void onEnd(StoreException.Expired cause);
}
