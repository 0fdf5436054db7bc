package dev.tributary.adapters.schedule;

import dev.tributary.api.cron.CronSchedule;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeSet;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Fires the ticks of many cron schedules (one per key, e.g. one per PingSource) from one timer: one
 * ordered queue of entries by next fire time, and one daemon thread that sleeps until the earliest
 * entry is due.
 *
 * <p><b>Why a thread of its own and not a Vert.x timer.</b> Entries are added and removed from
 * informer threads, and a tick must not wait behind event-loop work; a dedicated thread with a lock
 * and a condition gives exact wake-ups, an early wake when an earlier entry arrives, and a simple
 * guarantee about {@link #unschedule}, with no dependency on a Vertx instance. The thread is idle
 * between ticks; it re-reads the clock at least every second so that a wall-clock step or a machine
 * suspend (which the monotonic timer behind the wait does not see) delays a tick by at most about a
 * second.
 *
 * <p><b>Timing.</b> Time comes from the injected {@link Clock}. An entry's first activation is
 * computed from the clock when it is scheduled; every later one from the previous activation's
 * scheduled time, never from the time it was delivered, so lateness does not accumulate. A schedule
 * without a zone of its own computes in the zone given to {@link #schedule}.
 *
 * <p><b>Late wakes.</b> A tick is never delivered before its scheduled time. When the thread wakes
 * late (a GC pause, a slow callback, a suspended machine):
 *
 * <ul>
 *   <li>every due entry gets exactly one tick, carrying its own scheduled time (the earliest one
 *       not yet delivered), so a tick whose time passed while the thread was late is neither
 *       skipped nor doubled;
 *   <li>if the entry's following activation is still in the past, the entry was more than one
 *       period behind: the activations in between are skipped (logged and counted in {@link
 *       #lateSkips()}), and the entry resumes at its first activation after now. Only one stale
 *       tick is ever delivered per late wake, so a long suspend does not end in a burst. (robfig
 *       also fires once, then reschedules from now; it just reports no scheduled time.)
 * </ul>
 *
 * <p><b>Callbacks</b> run on the scheduler thread, in scheduled-time order, while it holds the
 * scheduler's lock. They must return quickly: hand the work (sending an event) to another thread or
 * event loop. A callback may call {@link #schedule}, {@link #unschedule} or {@link #close}. An
 * exception from a callback is logged with the entry's key, counted in {@link #callbackFailures()},
 * and the entry stays scheduled. Once {@link #unschedule} returns, no further tick for that key is
 * delivered.
 *
 * <p>All methods are thread-safe.
 */
public final class TickScheduler implements AutoCloseable {

  private static final Logger LOG = LoggerFactory.getLogger(TickScheduler.class);

  /** The longest the thread sleeps without re-reading the clock. */
  static final Duration DEFAULT_MAX_SLEEP = Duration.ofSeconds(1);

  private static final Comparator<Entry> BY_NEXT_FIRE =
      Comparator.comparing((Entry e) -> e.nextFire).thenComparingLong(e -> e.sequence);

  private final Clock clock;
  private final Duration maxSleep;
  private final ReentrantLock lock = new ReentrantLock();
  private final Condition queueChanged = lock.newCondition();
  private final AtomicLong callbackFailures = new AtomicLong();
  private final AtomicLong lateSkips = new AtomicLong();

  // Guarded by lock. The queue holds the entries that have a next fire time, ordered by it.
  private final TreeSet<Entry> queue = new TreeSet<>(BY_NEXT_FIRE);
  private final Map<String, Entry> entries = new HashMap<>();
  private long nextSequence;
  private boolean closed;
  private Thread thread;

  /** A scheduler with no thread: tests drive it through {@link #fireDue}. */
  TickScheduler(Clock clock, Duration maxSleep) {
    this.clock = Objects.requireNonNull(clock, "clock");
    this.maxSleep = Objects.requireNonNull(maxSleep, "maxSleep");
    if (maxSleep.isNegative() || maxSleep.isZero()) {
      throw new IllegalArgumentException("maxSleep must be positive: " + maxSleep);
    }
  }

  /**
   * Creates a scheduler and starts its daemon thread ({@code tick-scheduler}).
   *
   * @param clock the time ticks are scheduled and delivered by; {@code Clock.systemUTC()} in
   *     production
   */
  public static TickScheduler start(Clock clock) {
    return start(clock, DEFAULT_MAX_SLEEP);
  }

  static TickScheduler start(Clock clock, Duration maxSleep) {
    TickScheduler scheduler = new TickScheduler(clock, maxSleep);
    Thread thread = new Thread(scheduler::run, "tick-scheduler");
    thread.setDaemon(true);
    scheduler.lock.lock();
    try {
      scheduler.thread = thread;
    } finally {
      scheduler.lock.unlock();
    }
    thread.start();
    return scheduler;
  }

  /**
   * Schedules {@code onTick} to run at each activation of {@code schedule}, replacing any entry
   * with the same key (the replacement's first activation is computed from now).
   *
   * @param zone the zone a schedule without a {@code TZ=}/{@code CRON_TZ=} prefix computes in
   * @throws IllegalStateException if the scheduler is closed
   */
  public void schedule(String key, CronSchedule schedule, ZoneId zone, Consumer<Tick> onTick) {
    Objects.requireNonNull(key, "key");
    Entry entry =
        new Entry(
            key,
            Objects.requireNonNull(schedule, "schedule"),
            Objects.requireNonNull(zone, "zone"),
            Objects.requireNonNull(onTick, "onTick"));
    lock.lock();
    try {
      if (closed) {
        throw new IllegalStateException("TickScheduler is closed");
      }
      entry.nextFire = entry.nextAfter(clock.instant());
      remove(key);
      entry.sequence = nextSequence++;
      entries.put(key, entry);
      if (entry.nextFire == null) {
        LOG.info("schedule has no activation within five years key={}", key);
        return;
      }
      queue.add(entry);
      if (queue.first() == entry) {
        queueChanged.signalAll(); // the thread may be sleeping until a later entry
      }
    } finally {
      lock.unlock();
    }
  }

  /**
   * Removes the entry for {@code key}. After this returns no tick for it is delivered, unless the
   * key is scheduled again.
   *
   * @return whether there was such an entry
   */
  public boolean unschedule(String key) {
    lock.lock();
    try {
      return remove(key);
    } finally {
      lock.unlock();
    }
  }

  /** The number of scheduled keys, including any whose schedule has no further activation. */
  public int size() {
    lock.lock();
    try {
      return entries.size();
    } finally {
      lock.unlock();
    }
  }

  /** How many callbacks have thrown. */
  public long callbackFailures() {
    return callbackFailures.get();
  }

  /** How many times an entry was found more than one period behind and skipped ahead. */
  public long lateSkips() {
    return lateSkips.get();
  }

  /**
   * Removes every entry and stops the thread, waiting for a callback in progress to return (unless
   * called from a callback). Idempotent.
   */
  @Override
  public void close() {
    Thread toJoin;
    lock.lock();
    try {
      if (closed) {
        return;
      }
      closed = true;
      queue.clear();
      entries.clear();
      queueChanged.signalAll();
      toJoin = thread;
    } finally {
      lock.unlock();
    }
    if (toJoin != null && toJoin != Thread.currentThread()) {
      try {
        toJoin.join();
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
    }
  }

  /** The next fire time of {@code key}'s entry, or null if it has none or does not exist. */
  Instant nextFire(String key) {
    lock.lock();
    try {
      Entry entry = entries.get(key);
      return entry == null ? null : entry.nextFire;
    } finally {
      lock.unlock();
    }
  }

  /**
   * Delivers every tick due at {@code now} (see the class comment for late wakes) and returns them
   * in delivery order. The thread calls this each time it wakes.
   */
  List<Tick> fireDue(Instant now) {
    lock.lock();
    try {
      List<Tick> fired = new ArrayList<>();
      while (!closed && !queue.isEmpty() && !queue.first().nextFire.isAfter(now)) {
        Entry entry = queue.pollFirst();
        Instant scheduled = entry.nextFire;
        entry.nextFire = following(entry, scheduled, now);
        if (entry.nextFire != null) {
          queue.add(entry);
        }
        Tick tick = new Tick(entry.key, scheduled);
        fired.add(tick);
        deliver(entry, tick);
      }
      return fired;
    } finally {
      lock.unlock();
    }
  }

  /** The activation after {@code scheduled}, or the first after {@code now} if that is past. */
  private Instant following(Entry entry, Instant scheduled, Instant now) {
    Instant next;
    try {
      next = entry.nextAfter(scheduled);
      if (next != null && !next.isAfter(now)) {
        lateSkips.incrementAndGet();
        LOG.warn(
            "tick scheduler more than one period behind, skipping missed ticks"
                + " key={} scheduledTime={} now={}",
            entry.key,
            scheduled,
            now);
        next = entry.nextAfter(now);
      }
    } catch (RuntimeException e) {
      LOG.error("schedule failed to compute its next activation key={}", entry.key, e);
      return null;
    }
    if (next == null) {
      LOG.info("schedule has no further activation within five years key={}", entry.key);
    } else if (!next.isAfter(now)) {
      LOG.error("schedule does not move forward, dropping it key={} next={}", entry.key, next);
      return null;
    }
    return next;
  }

  private void deliver(Entry entry, Tick tick) {
    try {
      entry.onTick.accept(tick);
    } catch (Throwable t) { // a callback bug must not stop every other schedule
      callbackFailures.incrementAndGet();
      LOG.warn("tick callback failed key={} scheduledTime={}", tick.key(), tick.scheduledTime(), t);
    }
  }

  private boolean remove(String key) {
    Entry old = entries.remove(key);
    if (old == null) {
      return false;
    }
    if (old.nextFire != null) {
      queue.remove(old);
    }
    return true;
  }

  private void run() {
    lock.lock();
    try {
      while (!closed) {
        fireDue(clock.instant());
        if (closed) {
          break;
        }
        long waitNanos = maxSleep.toNanos();
        if (!queue.isEmpty()) {
          Duration untilDue = Duration.between(clock.instant(), queue.first().nextFire);
          if (untilDue.compareTo(maxSleep) < 0) {
            waitNanos = untilDue.toNanos();
          }
        }
        if (waitNanos > 0) {
          try {
            queueChanged.awaitNanos(waitNanos);
          } catch (InterruptedException e) {
            // Only close() stops this thread; an interrupt from elsewhere is reported and ignored.
            LOG.warn("tick scheduler thread interrupted; it keeps running until closed");
          }
        }
      }
    } finally {
      lock.unlock();
    }
  }

  /** One key's schedule. Its mutable fields are guarded by the scheduler's lock. */
  private static final class Entry {
    final String key;
    final CronSchedule schedule;
    final ZoneId zone;
    final Consumer<Tick> onTick;
    long sequence; // tie-breaker among entries due at the same instant: scheduling order
    Instant nextFire; // null when the schedule has no further activation

    Entry(String key, CronSchedule schedule, ZoneId zone, Consumer<Tick> onTick) {
      this.key = key;
      this.schedule = schedule;
      this.zone = zone;
      this.onTick = onTick;
    }

    Instant nextAfter(Instant instant) {
      ZonedDateTime next = schedule.next(ZonedDateTime.ofInstant(instant, zone));
      return next == null ? null : next.toInstant();
    }
  }
}
