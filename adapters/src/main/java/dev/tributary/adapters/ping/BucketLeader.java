package dev.tributary.adapters.ping;

import dev.tributary.adapters.ping.checkpoint.CheckpointStore;
import dev.tributary.adapters.ping.checkpoint.SourceCheckpoint;
import dev.tributary.adapters.schedule.Tick;
import dev.tributary.api.cron.CronSchedule;
import dev.tributary.runtime.KvLog;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * What the leader of one bucket does with the ticks of the PingSources in it: it records each tick
 * in the bucket's checkpoint ({@link CheckpointStore}) <em>before</em> sending it, and when it
 * takes over it sends exactly the ticks its predecessor had not recorded. See {@link MtPingProgram}
 * for the guarantee this gives and its limits.
 *
 * <p>The protocol, per source: the checkpoint holds the latest tick <em>claimed</em> and the
 * claimed ticks whose send has not ended (<em>pending</em>). A tick is sent only after a write that
 * claims it has succeeded, and only if it is later than the claimed tick in the checkpoint it was
 * based on. Every write is a compare-and-swap on the ConfigMap's resourceVersion; a write that
 * loses (another replica wrote) re-reads the checkpoint and re-checks its ticks against it, so two
 * replicas that both believe they lead still never claim the same tick. On taking over, the new
 * leader (1) re-sends its predecessor's pending ticks and (2) sends the ticks after each source's
 * claimed tick up to now, both limited to the catch-up window and count.
 *
 * <p>Threading: everything that reads or changes the checkpoint runs on this leader's own thread,
 * in order; {@link #admit} only queues. API calls block that thread, never the tick scheduler or an
 * event loop. Sends are handed to the {@link PingTicker} (a {@link Releaser}).
 */
final class BucketLeader {

  /** How long completions wait to be written when no claim comes first. */
  static final Duration FLUSH_DELAY = Duration.ofSeconds(1);

  /**
   * How far back a new leader catches up.
   *
   * @param window ticks scheduled more than this before the takeover are not sent
   * @param maxTicks at most this many (the latest) ticks per source are sent
   */
  record CatchUp(Duration window, int maxTicks) {
    CatchUp {
      Objects.requireNonNull(window, "window");
      if (maxTicks < 0) {
        throw new IllegalArgumentException("maxTicks must be >= 0");
      }
    }

    /**
     * The default for {@code leaseDuration}: a window of twice the lease duration and at least a
     * minute (so a crashed leader's once-a-minute tick is still sent by its successor, which takes
     * over within a lease duration and a retry period), and at most 120 ticks per source (two
     * minutes of a per-second schedule).
     */
    static CatchUp forLease(Duration leaseDuration) {
      Duration twice = leaseDuration.multipliedBy(2);
      Duration minute = Duration.ofMinutes(1);
      return new CatchUp(twice.compareTo(minute) > 0 ? twice : minute, 120);
    }
  }

  /** Sends a claimed tick: {@link PingTicker#release}. */
  @FunctionalInterface
  interface Releaser {
    /**
     * Sends the tick of {@code key} at {@code scheduledTime}; completes with whether it was sent
     * (see {@link PingTicker#release}).
     */
    io.vertx.core.Future<Boolean> release(String key, Instant scheduledTime);
  }

  /** A source scheduled in this bucket at takeover, with what its ticks are computed from. */
  record Scheduled(String key, String uid, CronSchedule cron, ZoneId zone) {}

  private final String bucket;
  private final CheckpointStore store;
  private final Releaser ticker;
  private final Clock clock;
  private final CatchUp catchUp;
  private final Duration retryPeriod;
  private final KvLog log;
  private final ScheduledExecutorService thread;
  private final ConcurrentLinkedQueue<Tick> intake = new ConcurrentLinkedQueue<>();
  private final AtomicBoolean drainQueued = new AtomicBoolean();

  // Confined to thread.
  private String resourceVersion; // null until the takeover write succeeded
  private final Map<String, SourceCheckpoint> checkpoints = new TreeMap<>();
  private final Map<String, String> uids = new HashMap<>(); // sources scheduled here, by key
  private final Deque<Tick> retry = new ArrayDeque<>(); // claims whose write failed
  private boolean dirty; // checkpoints changed since the last write
  private ScheduledFuture<?> flush;
  private boolean quiescing; // stop claiming, keep recording completions
  private boolean stopped;
  private long claims;

  BucketLeader(
      String bucket,
      CheckpointStore store,
      Releaser ticker,
      Clock clock,
      CatchUp catchUp,
      Duration retryPeriod,
      KvLog log) {
    this.bucket = bucket;
    this.store = store;
    this.ticker = ticker;
    this.clock = clock;
    this.catchUp = catchUp;
    this.retryPeriod = retryPeriod;
    this.log = log;
    this.thread =
        Executors.newSingleThreadScheduledExecutor(
            r -> {
              Thread t = new Thread(r, "mtping-bucket-" + bucket);
              t.setDaemon(true);
              return t;
            });
  }

  /** The bucket (lease) name. */
  String bucket() {
    return bucket;
  }

  /**
   * Takes the bucket over: reads the checkpoint, claims the catch-up ticks of {@code scheduled}
   * (which the caller has already scheduled in the ticker), sends them, then handles admitted
   * ticks. Retries the API every retry period until it succeeds or the leader is stopped.
   *
   * @param known the uid of every PingSource in the bucket (ready or not), by key: checkpoint
   *     entries of any other source (deleted, or re-created with a new uid) are dropped
   * @return completes when the takeover is done (or abandoned by a stop)
   */
  CompletableFuture<Void> start(List<Scheduled> scheduled, Map<String, String> known) {
    CompletableFuture<Void> done = new CompletableFuture<>();
    thread.execute(() -> takeOver(List.copyOf(scheduled), Map.copyOf(known), done));
    return done;
  }

  private void takeOver(
      List<Scheduled> scheduled, Map<String, String> known, CompletableFuture<Void> done) {
    if (stopped) {
      done.complete(null);
      return;
    }
    CheckpointStore.Snapshot snapshot;
    List<Tick> toSend = new ArrayList<>();
    Map<String, SourceCheckpoint> next = new TreeMap<>();
    try {
      snapshot = store.load();
      snapshot
          .sources()
          .forEach(
              (key, checkpoint) -> {
                if (checkpoint.uid().equals(known.get(key))) {
                  next.put(key, checkpoint);
                }
              });
      Instant now = clock.instant();
      Instant oldest = now.minus(catchUp.window());
      for (Scheduled source : scheduled) {
        uids.put(source.key(), source.uid());
        SourceCheckpoint checkpoint = next.get(source.key());
        if (checkpoint == null) {
          continue; // never ticked under a leader: nothing to catch up
        }
        List<Instant> ticks = new ArrayList<>();
        checkpoint.pending().stream().filter(t -> !t.isBefore(oldest)).forEach(ticks::add);
        ticks.addAll(missed(source.cron(), source.zone(), checkpoint.claimed(), now));
        for (Instant tick : ticks) {
          checkpoint = checkpoint.claim(tick);
          toSend.add(new Tick(source.key(), tick));
        }
        next.put(source.key(), checkpoint);
      }
      // The takeover write: even with nothing to catch up it moves the resourceVersion on, so a
      // deposed leader's next claim fails.
      snapshot = store.write(snapshot.resourceVersion(), next);
    } catch (CheckpointStore.ConflictException | RuntimeException e) {
      log.warn(
          "taking over tick checkpoint failed, retrying",
          "bucket",
          bucket,
          "checkpoint",
          store.key(),
          "error",
          e.getMessage());
      uids.clear();
      thread.schedule(
          () -> takeOver(scheduled, known, done), retryPeriod.toMillis(), TimeUnit.MILLISECONDS);
      return;
    }
    resourceVersion = snapshot.resourceVersion();
    checkpoints.clear();
    checkpoints.putAll(next);
    log.info(
        "took over tick checkpoint",
        "bucket",
        bucket,
        "checkpoint",
        store.key(),
        "sources",
        scheduled.size(),
        "catchUpTicks",
        toSend.size());
    for (Tick tick : toSend) {
      log.info(
          "sending tick missed during leader change",
          "key",
          tick.key(),
          "scheduledTime",
          tick.scheduledTime());
      send(tick);
    }
    done.complete(null);
    drain();
  }

  /** The ticks of {@code cron} after {@code claimed}, up to {@code now}, within the window. */
  List<Instant> missed(CronSchedule cron, ZoneId zone, Instant claimed, Instant now) {
    Instant oldest = now.minus(catchUp.window());
    Instant from = claimed.isBefore(oldest) ? oldest.minusNanos(1) : claimed;
    Deque<Instant> latest = new ArrayDeque<>();
    ZonedDateTime cursor = ZonedDateTime.ofInstant(from, zone);
    while (catchUp.maxTicks() > 0) {
      ZonedDateTime next = cron.next(cursor);
      if (next == null || next.toInstant().isAfter(now)) {
        break;
      }
      latest.addLast(next.toInstant());
      if (latest.size() > catchUp.maxTicks()) {
        latest.removeFirst();
      }
      cursor = next;
    }
    return List.copyOf(latest);
  }

  /** On the tick scheduler's thread: queues {@code tick}; never blocks. */
  void admit(Tick tick) {
    intake.add(tick);
    queueDrain();
  }

  /**
   * A source was scheduled here while leading (not at takeover): ticks from now on are its own,
   * earlier ones are deliberately not sent (it was not ready, or did not exist).
   *
   * @param scheduledAt read from the clock before the source was scheduled in the ticker, so its
   *     first tick is after it
   */
  void track(String key, String uid, Instant scheduledAt) {
    thread.execute(
        () -> {
          String previous = uids.put(key, uid);
          if (uid.equals(previous)) {
            return; // an update of a source already here: its ticks go on
          }
          SourceCheckpoint checkpoint = checkpoints.get(key);
          if (checkpoint == null || !checkpoint.uid().equals(uid)) {
            checkpoint = new SourceCheckpoint(uid, scheduledAt, new TreeSet<>());
          } else if (checkpoint.claimed().isBefore(scheduledAt)) {
            checkpoint = new SourceCheckpoint(uid, scheduledAt, new TreeSet<>());
          }
          checkpoints.put(key, checkpoint);
          markDirty();
        });
  }

  /**
   * A source is no longer scheduled here (not ready, or deleted): its queued ticks are dropped; a
   * deleted source's checkpoint entry is removed.
   */
  void untrack(String key, boolean deleted) {
    thread.execute(
        () -> {
          uids.remove(key);
          SourceCheckpoint checkpoint = checkpoints.get(key);
          if (checkpoint == null) {
            return;
          }
          if (deleted) {
            checkpoints.remove(key);
          } else {
            checkpoints.put(
                key, new SourceCheckpoint(checkpoint.uid(), checkpoint.claimed(), new TreeSet<>()));
          }
          markDirty();
        });
  }

  /**
   * Stops claiming ticks (those admitted from now on are left to the next leader, which catches
   * them up) but keeps recording completions; for a graceful shutdown, before {@link #finish}.
   */
  CompletableFuture<Void> quiesce() {
    return CompletableFuture.runAsync(() -> quiescing = true, thread);
  }

  /**
   * Writes the completions recorded so far (best effort, once) and stops: the last act of a leader
   * that shuts down gracefully, while it still holds the lease.
   */
  CompletableFuture<Void> finish() {
    return CompletableFuture.runAsync(
            () -> {
              quiescing = true;
              if (dirty && resourceVersion != null) {
                write(List.of());
              }
              stopped = true;
            },
            thread)
        .whenComplete((ignored, error) -> thread.shutdown());
  }

  /** Stops at once without writing: leadership was lost. Idempotent. */
  void stop() {
    try {
      thread.execute(() -> stopped = true);
    } catch (java.util.concurrent.RejectedExecutionException alreadyStopped) {
      return;
    }
    thread.shutdown();
  }

  /** How many ticks this leader has claimed (tests, metrics). */
  long claims() {
    return CompletableFuture.supplyAsync(() -> claims, thread).join();
  }

  private void queueDrain() {
    if (drainQueued.compareAndSet(false, true)) {
      try {
        thread.execute(this::drain);
      } catch (java.util.concurrent.RejectedExecutionException stoppedMeanwhile) {
        // The leader has stopped: its ticks belong to the next one.
      }
    }
  }

  private void markDirty() {
    dirty = true;
    if (flush == null && !stopped) {
      flush =
          thread.schedule(
              () -> {
                flush = null;
                drain();
              },
              FLUSH_DELAY.toMillis(),
              TimeUnit.MILLISECONDS);
    }
  }

  /** Claims the queued ticks in one write and sends them; writes pending completions too. */
  private void drain() {
    drainQueued.set(false);
    if (stopped || resourceVersion == null) {
      return; // not taken over yet: takeOver drains when done
    }
    List<Tick> batch = new ArrayList<>(retry);
    retry.clear();
    for (Tick tick; (tick = intake.poll()) != null; ) {
      batch.add(tick);
    }
    if (quiescing) {
      batch.clear(); // the next leader catches these up
    }
    if (batch.isEmpty() && !dirty) {
      return;
    }
    write(batch);
  }

  /** One compare-and-swap write claiming {@code batch}; sends what it claimed. */
  private void write(List<Tick> batch) {
    for (int attempt = 0; attempt < 3; attempt++) {
      Map<String, SourceCheckpoint> next = new TreeMap<>(checkpoints);
      List<Tick> claimed = new ArrayList<>();
      for (Tick tick : batch) {
        String uid = uids.get(tick.key());
        if (uid == null) {
          continue; // unscheduled meanwhile
        }
        SourceCheckpoint checkpoint = next.get(tick.key());
        if (checkpoint == null || !checkpoint.uid().equals(uid)) {
          checkpoint = new SourceCheckpoint(uid, tick.scheduledTime(), new TreeSet<>());
        } else if (!tick.scheduledTime().isAfter(checkpoint.claimed())) {
          continue; // claimed already: by the takeover's catch-up, or by another replica
        }
        next.put(tick.key(), checkpoint.claim(tick.scheduledTime()));
        claimed.add(tick);
      }
      if (claimed.isEmpty() && !dirty) {
        return;
      }
      try {
        resourceVersion = store.write(resourceVersion, next).resourceVersion();
      } catch (CheckpointStore.ConflictException e) {
        log.warn(
            "tick checkpoint changed by another replica, re-reading it",
            "bucket",
            bucket,
            "checkpoint",
            store.key());
        if (!reload()) {
          break;
        }
        continue;
      } catch (RuntimeException e) {
        log.error(
            "recording ticks failed, retrying",
            "bucket",
            bucket,
            "checkpoint",
            store.key(),
            "ticks",
            claimed.size(),
            "error",
            e.getMessage());
        break;
      }
      checkpoints.clear();
      checkpoints.putAll(next);
      dirty = false;
      claims += claimed.size();
      claimed.forEach(this::send);
      return;
    }
    retry.addAll(batch);
    thread.schedule(this::drain, retryPeriod.toMillis(), TimeUnit.MILLISECONDS);
  }

  /**
   * After a lost compare-and-swap: adopts what is stored now, so every tick is checked again
   * against what the other replica claimed. Completions not yet written are given up (a later
   * leader may re-send those ticks, with their ids). False when it cannot be read.
   */
  private boolean reload() {
    try {
      CheckpointStore.Snapshot snapshot = store.load();
      resourceVersion = snapshot.resourceVersion();
      checkpoints.clear();
      checkpoints.putAll(snapshot.sources());
      dirty = false;
      return true;
    } catch (RuntimeException e) {
      log.error(
          "re-reading tick checkpoint failed",
          "bucket",
          bucket,
          "checkpoint",
          store.key(),
          "error",
          e.getMessage());
      return false;
    }
  }

  private void send(Tick tick) {
    ticker
        .release(tick.key(), tick.scheduledTime())
        .onComplete(
            sent -> {
              if (Boolean.TRUE.equals(sent.result())) {
                ended(tick);
              }
              // Not sent (unscheduled during its spread, e.g. shutting down): it stays pending,
              // and whoever leads next sends it.
            });
  }

  private void ended(Tick tick) {
    try {
      thread.execute(
          () -> {
            SourceCheckpoint checkpoint = checkpoints.get(tick.key());
            if (checkpoint != null && checkpoint.pending().contains(tick.scheduledTime())) {
              checkpoints.put(tick.key(), checkpoint.ended(tick.scheduledTime()));
              markDirty();
            }
          });
    } catch (java.util.concurrent.RejectedExecutionException stopped) {
      // Leadership ended: the next leader re-sends what was pending, with the same id.
    }
  }
}
