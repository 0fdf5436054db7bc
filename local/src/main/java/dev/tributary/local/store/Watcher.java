package dev.tributary.local.store;

import java.util.ArrayDeque;
import java.util.List;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One watch: a filter, a bounded queue of live events, and a virtual thread that feeds its
 * listener. The hub offers events without ever blocking; a full queue ends the watch with {@link
 * StoreException.Expired}, since the events it would have to drop cannot be replayed later.
 */
final class Watcher implements Watch {

  private static final Logger LOG = LoggerFactory.getLogger(Watcher.class);

  private final String resource;
  private final String namespace;
  private final long fromRevision;
  private final WatchListener listener;
  private final int capacity;
  private final Consumer<Watcher> onStop;

  private final ReentrantLock lock = new ReentrantLock();
  private final Condition changed = lock.newCondition();
  // Guarded by lock.
  private final ArrayDeque<WatchEvent> queue = new ArrayDeque<>();
  private final List<WatchEvent> replay;
  private int replayed;
  private boolean cancelled;
  private boolean storeClosed;
  private StoreException.Expired expired;
  private long lastTaken;

  /**
   * @param replay the history events after {@code fromRevision} that match, delivered before any
   *     live event (not counted against {@code capacity})
   * @param onStop called when the watch stops for any reason, to unregister it (idempotent: it may
   *     be called twice)
   */
  Watcher(
      String resource,
      String namespace,
      long fromRevision,
      WatchListener listener,
      int capacity,
      List<WatchEvent> replay,
      Consumer<Watcher> onStop) {
    this.resource = resource;
    this.namespace = namespace;
    this.fromRevision = fromRevision;
    this.listener = listener;
    this.capacity = capacity;
    this.replay = replay;
    this.onStop = onStop;
    this.lastTaken = fromRevision;
  }

  /** Whether {@code event} is one this watch wants. */
  boolean matches(WatchEvent event) {
    ObjectKey key = event.key();
    return event.revision() > fromRevision
        && key.resource().equals(resource)
        && (namespace == null || key.namespace().equals(namespace));
  }

  void start() {
    Thread.ofVirtual().name("store-watch-" + resource).start(this::deliver);
  }

  /**
   * Queues a live event that {@link #matches} this watch. Never blocks.
   *
   * @return false if the watch is over (cancelled, or just overflowed): the hub forgets it
   */
  boolean offer(WatchEvent event) {
    lock.lock();
    try {
      if (cancelled || storeClosed || expired != null) {
        return false;
      }
      if (queue.size() >= capacity) {
        queue.clear();
        expired = StoreException.Expired.fellBehind(lastTaken, capacity);
        LOG.warn(
            "watch ended: listener too slow resource={} namespace={} queued={}",
            resource,
            namespace,
            capacity);
        changed.signal();
        return false;
      }
      queue.addLast(event);
      changed.signal();
      return true;
    } finally {
      lock.unlock();
    }
  }

  /** The store is closing: end the watch, telling the listener with {@code onEnd(null)}. */
  void storeClosed() {
    lock.lock();
    try {
      storeClosed = true;
      changed.signal();
    } finally {
      lock.unlock();
    }
  }

  @Override
  public void close() {
    lock.lock();
    try {
      if (cancelled) {
        return;
      }
      cancelled = true;
      changed.signal();
    } finally {
      lock.unlock();
    }
    onStop.accept(this);
  }

  /** The delivery loop: replay, then live events, until the watch ends. */
  private void deliver() {
    try {
      WatchEvent next;
      while ((next = take()) != null) {
        try {
          listener.onEvent(next);
        } catch (RuntimeException e) {
          LOG.warn(
              "watch ended: listener failed resource={} namespace={} revision={}",
              resource,
              namespace,
              next.revision(),
              e);
          return;
        }
      }
      StoreException.Expired cause;
      lock.lock();
      try {
        if (cancelled) {
          return;
        }
        cause = expired;
      } finally {
        lock.unlock();
      }
      listener.onEnd(cause);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    } catch (RuntimeException e) {
      LOG.warn("watch listener failed in onEnd resource={} namespace={}", resource, namespace, e);
    } finally {
      lock.lock();
      try {
        cancelled = true;
      } finally {
        lock.unlock();
      }
      onStop.accept(this);
    }
  }

  /** The next event to deliver, or null once the watch is over. */
  private WatchEvent take() throws InterruptedException {
    lock.lock();
    try {
      while (true) {
        if (cancelled || storeClosed || expired != null) {
          return null;
        }
        WatchEvent event = replayed < replay.size() ? replay.get(replayed++) : queue.pollFirst();
        if (event != null) {
          lastTaken = event.revision();
          return event;
        }
        changed.await();
      }
    } finally {
      lock.unlock();
    }
  }
}
