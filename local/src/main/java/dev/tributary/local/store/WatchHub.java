package dev.tributary.local.store;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.locks.ReentrantLock;

/**
 * The in-memory history window (a ring of the latest events) and the registered watchers. Events
 * are published in revision order by the single writer; a new watch replays from the ring and joins
 * the live stream under the same lock, so it neither misses nor repeats an event.
 */
final class WatchHub {

  private final WatchEvent[] ring;
  private final int queueCapacity;
  private final ReentrantLock lock = new ReentrantLock();
  // Guarded by lock.
  private int start;
  private int size;
  private long floor;
  private final List<Watcher> watchers = new ArrayList<>();
  private boolean closed;

  /**
   * @param floorRevision the revision the history starts after (the store's revision when it was
   *     opened): watches from older revisions are {@link StoreException.Expired}
   */
  WatchHub(int historySize, int queueCapacity, long floorRevision) {
    this.ring = new WatchEvent[historySize];
    this.queueCapacity = queueCapacity;
    this.floor = floorRevision;
  }

  /** Records a committed write and hands it to the watchers it matches. Never blocks on them. */
  void publish(WatchEvent event) {
    lock.lock();
    try {
      if (size == ring.length) {
        floor = ring[start].revision();
        ring[start] = event;
        start = (start + 1) % ring.length;
      } else {
        ring[(start + size) % ring.length] = event;
        size++;
      }
      watchers.removeIf(watcher -> watcher.matches(event) && !watcher.offer(event));
    } finally {
      lock.unlock();
    }
  }

  /** See {@link Store#watch}. */
  Watch watch(String resource, String namespace, long fromRevision, WatchListener listener) {
    Watcher watcher;
    lock.lock();
    try {
      if (closed) {
        throw new IllegalStateException("store is closed");
      }
      if (fromRevision < floor) {
        throw StoreException.Expired.tooOld(fromRevision, floor);
      }
      // Filled below with the watcher's own filter, before its delivery thread starts.
      List<WatchEvent> replay = new ArrayList<>();
      watcher =
          new Watcher(
              resource, namespace, fromRevision, listener, queueCapacity, replay, this::remove);
      for (int i = firstAfter(fromRevision); i < size; i++) {
        WatchEvent event = ring[(start + i) % ring.length];
        if (watcher.matches(event)) {
          replay.add(event);
        }
      }
      watchers.add(watcher);
    } finally {
      lock.unlock();
    }
    watcher.start();
    return watcher;
  }

  /** Ends every watch with {@code onEnd(null)} and refuses new ones. */
  void close() {
    List<Watcher> ended;
    lock.lock();
    try {
      closed = true;
      ended = List.copyOf(watchers);
      watchers.clear();
    } finally {
      lock.unlock();
    }
    ended.forEach(Watcher::storeClosed);
  }

  private void remove(Watcher watcher) {
    lock.lock();
    try {
      watchers.remove(watcher);
    } finally {
      lock.unlock();
    }
  }

  /** Index (from the oldest) of the first event with a revision above {@code revision}. */
  private int firstAfter(long revision) {
    int low = 0;
    int high = size;
    while (low < high) {
      int mid = (low + high) >>> 1;
      if (ring[(start + mid) % ring.length].revision() > revision) {
        high = mid;
      } else {
        low = mid + 1;
      }
    }
    return low;
  }
}
