package dev.tributary.controller;

import java.time.Duration;
import java.util.ArrayDeque;
import java.util.HashSet;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;

/**
 * A work queue of keys with client-go's semantics: a key waiting in the queue is held once however
 * often it is added; a key is handed to one worker at a time, and a key added while a worker holds
 * it is handed out again after that worker calls {@link #done}; failed keys come back after a
 * per-key exponential backoff ({@link #addRateLimited}), until {@link #forget forgotten}.
 *
 * <p>Thread-safe. {@link #take} blocks; everything else returns at once (delays run on the injected
 * {@link DelayScheduler}).
 *
 * @param <K> the key type, usually {@link ObjectKey}
 */
public final class WorkQueue<K> {

  private final ExponentialBackoff<K> backoff;
  private final DelayScheduler scheduler;
  private final ReentrantLock lock = new ReentrantLock();
  private final Condition changed = lock.newCondition();
  private final ArrayDeque<K> queue = new ArrayDeque<>();

  /** Keys that need processing: queued, or re-added while being processed. */
  private final Set<K> dirty = new HashSet<>();

  private final Set<K> processing = new HashSet<>();
  private boolean shuttingDown;

  public WorkQueue(ExponentialBackoff<K> backoff, DelayScheduler scheduler) {
    this.backoff = backoff;
    this.scheduler = scheduler;
  }

  /** Queues {@code key} unless it is already waiting. Ignored after {@link #shutDown}. */
  public void add(K key) {
    lock.lock();
    try {
      if (shuttingDown || !dirty.add(key)) {
        return;
      }
      if (!processing.contains(key)) {
        queue.addLast(key);
        changed.signal();
      }
    } finally {
      lock.unlock();
    }
  }

  /** Queues {@code key} once {@code delay} has passed; at once when it is zero or negative. */
  public void addAfter(K key, Duration delay) {
    if (delay.isZero() || delay.isNegative()) {
      add(key);
      return;
    }
    scheduler.schedule(delay, () -> add(key));
  }

  /** Queues {@code key} after its next backoff delay: the way to retry a failure. */
  public void addRateLimited(K key) {
    addAfter(key, backoff.next(key));
  }

  /** Resets {@code key}'s backoff: call it when the key was processed successfully. */
  public void forget(K key) {
    backoff.forget(key);
  }

  /** How many consecutive rate-limited retries {@code key} has had. */
  public int retries(K key) {
    return backoff.failures(key);
  }

  /**
   * Waits for a key and marks it as being processed; the caller must call {@link #done} with it.
   * Returns empty once the queue is shut down and nothing is left in it.
   *
   * @throws InterruptedException if the calling thread is interrupted while waiting
   */
  public Optional<K> take() throws InterruptedException {
    return next(Long.MAX_VALUE);
  }

  /**
   * As {@link #take}, waiting at most {@code timeout}; empty if no key came or the queue is shut
   * down and empty.
   */
  public Optional<K> poll(Duration timeout) throws InterruptedException {
    return next(timeout.toNanos());
  }

  private Optional<K> next(long timeoutNanos) throws InterruptedException {
    long remaining = timeoutNanos;
    lock.lock();
    try {
      while (queue.isEmpty() && !shuttingDown) {
        if (timeoutNanos == Long.MAX_VALUE) {
          changed.await();
        } else if (remaining <= 0) {
          return Optional.empty();
        } else {
          remaining = changed.awaitNanos(remaining);
        }
      }
      if (queue.isEmpty()) {
        return Optional.empty();
      }
      K key = queue.removeFirst();
      dirty.remove(key);
      processing.add(key);
      return Optional.of(key);
    } finally {
      lock.unlock();
    }
  }

  /** Ends the processing of {@code key}; if it was added meanwhile, it is queued again now. */
  public void done(K key) {
    lock.lock();
    try {
      processing.remove(key);
      if (dirty.contains(key)) {
        queue.addLast(key);
        changed.signal();
      }
      changed.signalAll();
    } finally {
      lock.unlock();
    }
  }

  /** Keys waiting to be taken (not counting those being processed or delayed). */
  public int size() {
    lock.lock();
    try {
      return queue.size();
    } finally {
      lock.unlock();
    }
  }

  /**
   * Stops accepting keys; workers still get what is queued, then {@link #take} returns empty.
   * Idempotent.
   */
  public void shutDown() {
    lock.lock();
    try {
      shuttingDown = true;
      changed.signalAll();
    } finally {
      lock.unlock();
    }
  }

  /**
   * After {@link #shutDown}, waits until no key is queued or being processed.
   *
   * @return whether the queue drained within {@code timeout}
   */
  public boolean awaitDrained(Duration timeout) throws InterruptedException {
    long remaining = timeout.toNanos();
    lock.lock();
    try {
      while (!queue.isEmpty() || !processing.isEmpty()) {
        if (remaining <= 0) {
          return false;
        }
        remaining = changed.awaitNanos(remaining);
      }
      return true;
    } finally {
      lock.unlock();
    }
  }

  /** Whether {@link #shutDown} was called. */
  public boolean isShuttingDown() {
    lock.lock();
    try {
      return shuttingDown;
    } finally {
      lock.unlock();
    }
  }
}
