package dev.tributary.adapters.ping;

import dev.tributary.adapters.schedule.Tick;
import dev.tributary.adapters.schedule.TickScheduler;
import dev.tributary.api.sources.ping.PingSource;
import dev.tributary.api.sources.ping.PingSourceSpec;
import dev.tributary.delivery.DeliveryOutcome;
import dev.tributary.delivery.DeliveryTarget;
import dev.tributary.delivery.EventSender;
import io.cloudevents.CloudEvent;
import io.vertx.core.AsyncResult;
import io.vertx.core.Future;
import io.vertx.core.Promise;
import io.vertx.core.Vertx;
import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.random.RandomGenerator;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Sends each PingSource's event on each of its ticks: the Kubernetes-free half of the ping adapter
 * (the other half will call {@link #schedule} and {@link #unschedule} from a PingSource informer).
 *
 * <p>On a tick, as upstream's mtping: the send is handed off (the scheduler thread never waits), it
 * waits a random 0-499 ms so that many sources on one schedule do not all fire at once, the event
 * is stamped with the time then and sent with the source's {@link PingDeliveryTarget}. Every
 * outcome is counted ({@link #counts()}); one that is not delivered is logged with the source's key
 * and the event id.
 *
 * <p><b>Unschedule and replace.</b> Once {@link #unschedule} returns, no further tick fires and no
 * send that is still waiting out its spread starts (it is counted as cancelled); a send already
 * started runs to its outcome. {@link #schedule} of a source already scheduled replaces its entry;
 * a send of the old entry that is waiting out its spread still goes out, as upstream.
 *
 * <p><b>Gating.</b> With a {@link TickGate}, a tick is not sent when it fires but handed to the
 * gate, which decides when (and whether) to send it by calling {@link #release}; the multi-tenant
 * adapter's leader records each tick before sending it this way. {@link #release} also sends ticks
 * that never fired here (a new leader catching up).
 *
 * <p>Thread-safe. The caller owns the scheduler, the sender and Vert.x, and closes them after this.
 */
public final class PingTicker implements AutoCloseable {

  /** The spread before each send is drawn from [0, this) milliseconds, as upstream. */
  public static final int SPREAD_BOUND_MILLIS = 500;

  private static final Logger LOG = LoggerFactory.getLogger(PingTicker.class);

  private final TickScheduler scheduler;
  private final EventSender sender;
  private final Vertx vertx;
  private final Clock clock;
  private final RandomGenerator spread; // guarded by itself
  private final TickGate gate;
  private final Duration sinkTimeout;

  private final Map<String, Entry> entries = new ConcurrentHashMap<>();
  private final AtomicLong delivered = new AtomicLong();
  private final AtomicLong deadLettered = new AtomicLong();
  private final AtomicLong failed = new AtomicLong();
  private final AtomicLong cancelled = new AtomicLong();
  private final AtomicInteger inFlight = new AtomicInteger();

  /**
   * @param scheduler fires the ticks
   * @param sender sends the events; it should apply no ceOverrides of its own (each source's are
   *     already in its events)
   * @param vertx runs the spread timers and the sends
   * @param clock stamps each event's {@code time} when it is sent
   * @param spread draws each send's spread; only ever used on the scheduler's thread, so it need
   *     not be thread-safe. Production passes e.g. {@code new java.util.Random()}; tests one that
   *     always returns 0
   */
  public PingTicker(
      TickScheduler scheduler,
      EventSender sender,
      Vertx vertx,
      Clock clock,
      RandomGenerator spread) {
    this(scheduler, sender, vertx, clock, spread, null, null);
  }

  /**
   * A ticker whose ticks go through {@code gate} (see the class comment); null for none.
   *
   * @param sinkTimeout each attempt's timeout when a source's {@code spec.delivery} sets none (the
   *     adapter's {@code K_SINK_TIMEOUT}); null for none
   * @param spread draws each send's spread; used under a lock, so it need not be thread-safe
   */
  public PingTicker(
      TickScheduler scheduler,
      EventSender sender,
      Vertx vertx,
      Clock clock,
      RandomGenerator spread,
      TickGate gate,
      Duration sinkTimeout) {
    this.scheduler = Objects.requireNonNull(scheduler, "scheduler");
    this.sender = Objects.requireNonNull(sender, "sender");
    this.vertx = Objects.requireNonNull(vertx, "vertx");
    this.clock = Objects.requireNonNull(clock, "clock");
    this.spread = Objects.requireNonNull(spread, "spread");
    this.gate = gate;
    this.sinkTimeout = sinkTimeout;
  }

  /**
   * Decides when a fired tick is sent. Called on the scheduler's thread for every tick of a
   * scheduled source; must return at once (hand the tick over, then call {@link #release} from
   * elsewhere).
   */
  @FunctionalInterface
  public interface TickGate {
    /**
     * @param key the source's {@code namespace/name}
     * @param tick the tick that fired
     */
    void admit(String key, Tick tick);
  }

  /**
   * Schedules {@code source}'s events to {@code sink}, replacing any entry it had.
   *
   * @param sink the resolved sink (upstream reads it from {@code status.sinkUri})
   * @throws InvalidPingSourceException when the source cannot be acted on (see {@link
   *     PingEventFactory#of}, {@link PingSchedule#of}, {@link PingDeliveryTarget#of}); its old
   *     entry, if any, is then removed, so an outdated spec does not keep sending
   */
  public void schedule(PingSource source, URI sink) throws InvalidPingSourceException {
    schedule(source, sink, sender);
  }

  /**
   * Schedules {@code source}'s events to {@code sink}, sent with {@code via} instead of this
   * ticker's sender (e.g. one trusting the sink's CA certificates), replacing any entry it had.
   *
   * @throws InvalidPingSourceException as {@link #schedule(PingSource, URI)}
   */
  public synchronized void schedule(PingSource source, URI sink, EventSender via)
      throws InvalidPingSourceException {
    Objects.requireNonNull(sink, "sink");
    Objects.requireNonNull(via, "via");
    String namespace = source.getMetadata().getNamespace();
    String name = source.getMetadata().getName();
    String key = key(namespace, name);
    PingSourceSpec spec = source.getSpec() == null ? PingSourceSpec.EMPTY : source.getSpec();
    Entry entry;
    PingSchedule schedule;
    try {
      entry =
          new Entry(
              PingEventFactory.of(source), PingDeliveryTarget.of(source, sink, sinkTimeout), via);
      schedule = PingSchedule.of(key, spec);
    } catch (InvalidPingSourceException e) {
      unschedule(namespace, name);
      throw e;
    }
    scheduler.schedule(key, schedule.cron(), schedule.zone(), tick -> onTick(entry, tick));
    entries.put(key, entry);
    LOG.info(
        "ping source scheduled key={} schedule=\"{}\" sink={}", key, schedule.cronSpec(), sink);
  }

  /**
   * Stops {@code namespace/name}'s ticks and cancels its sends still waiting out their spread.
   *
   * @return whether it was scheduled
   */
  public synchronized boolean unschedule(String namespace, String name) {
    String key = key(namespace, name);
    scheduler.unschedule(key);
    Entry entry = entries.remove(key);
    if (entry == null) {
      return false;
    }
    entry.cancelled = true;
    LOG.info("ping source unscheduled key={}", key);
    return true;
  }

  /**
   * Sends the tick of {@code key} scheduled at {@code scheduledTime} now (after the spread), with
   * the source's current entry. Never blocks.
   *
   * @return completes (always successfully) once the tick's handling has ended: with true when a
   *     send was made (whatever its outcome), with false when none was: {@code key} is not
   *     scheduled, or was unscheduled while the send waited out its spread
   */
  public Future<Boolean> release(String key, Instant scheduledTime) {
    Entry entry = entries.get(key);
    if (entry == null || entry.cancelled) {
      return Future.succeededFuture(false);
    }
    Promise<Boolean> ended = Promise.promise();
    dispatch(entry, new Tick(key, scheduledTime), ended);
    return ended.future();
  }

  /** How many sources are scheduled. */
  public int scheduledCount() {
    return entries.size();
  }

  /** Whether {@code key} is scheduled here. */
  public boolean isScheduled(String key) {
    return entries.containsKey(key);
  }

  /** Outcomes so far. */
  public Counts counts() {
    return new Counts(delivered.get(), deadLettered.get(), failed.get(), cancelled.get());
  }

  /** Ticks handed off whose send has not ended yet (waiting out the spread, or sending). */
  public int inFlight() {
    return inFlight.get();
  }

  /** Unschedules every source this ticker scheduled. Idempotent. */
  @Override
  public synchronized void close() {
    for (String key : new ArrayList<>(entries.keySet())) {
      int slash = key.indexOf('/');
      unschedule(key.substring(0, slash), key.substring(slash + 1));
    }
  }

  private static String key(String namespace, String name) {
    return namespace + "/" + name;
  }

  /** On the scheduler's thread: hand the tick to the gate, or the send off after the spread. */
  private void onTick(Entry entry, Tick tick) {
    if (entry.cancelled) {
      return;
    }
    if (gate != null) {
      gate.admit(entry.factory.key(), tick);
      return;
    }
    dispatch(entry, tick, null);
  }

  /** Hands the send off after the spread, never waiting; completes {@code ended} when it ends. */
  private void dispatch(Entry entry, Tick tick, Promise<Boolean> ended) {
    int delayMillis;
    synchronized (spread) {
      delayMillis = spread.nextInt(SPREAD_BOUND_MILLIS);
    }
    inFlight.incrementAndGet();
    Promise<Boolean> done = ended == null ? Promise.promise() : ended;
    try {
      if (delayMillis == 0) {
        vertx.runOnContext(ignored -> send(entry, tick, done));
      } else {
        vertx.setTimer(delayMillis, ignored -> send(entry, tick, done));
      }
    } catch (RuntimeException e) { // e.g. Vert.x already closed
      inFlight.decrementAndGet();
      failed.incrementAndGet();
      done.tryComplete(true);
      LOG.error(
          "ping event not sent key={} id={} reason=\"could not hand off the send: {}\"",
          entry.factory.key(),
          entry.factory.eventId(tick.scheduledTime()),
          e.toString());
    }
  }

  private void send(Entry entry, Tick tick, Promise<Boolean> done) {
    String key = entry.factory.key();
    if (entry.cancelled) {
      cancelled.incrementAndGet();
      inFlight.decrementAndGet();
      done.tryComplete(false);
      LOG.debug(
          "ping event cancelled, source unscheduled key={} scheduledTime={}",
          key,
          tick.scheduledTime());
      return;
    }
    CloudEvent event = null;
    try {
      event = entry.factory.event(tick.scheduledTime(), clock.instant());
      LOG.debug("sending ping event key={} id={} sink={}", key, event.getId(), entry.target.sink());
      CloudEvent sent = event;
      entry
          .sender
          .send(sent, entry.target)
          .onComplete(
              result -> {
                ended(key, sent, result);
                done.tryComplete(true);
              });
    } catch (RuntimeException e) { // a bug in building or starting the send: count it, log it
      failed.incrementAndGet();
      inFlight.decrementAndGet();
      done.tryComplete(true);
      LOG.error(
          "ping event not sent key={} id={} reason=\"{}\"",
          key,
          event == null ? entry.factory.eventId(tick.scheduledTime()) : event.getId(),
          e.toString());
    }
  }

  private void ended(String key, CloudEvent event, AsyncResult<DeliveryOutcome> result) {
    try {
      if (result.failed()) { // the EventSender contract says never; count it all the same
        failed.incrementAndGet();
        LOG.error(
            "ping event not delivered key={} id={} reason=\"{}\"",
            key,
            event.getId(),
            String.valueOf(result.cause()));
        return;
      }
      switch (result.result()) {
        case DeliveryOutcome.Delivered d -> delivered.incrementAndGet();
        case DeliveryOutcome.DeadLettered d -> {
          deadLettered.incrementAndGet();
          LOG.warn("ping event not delivered key={} id={} {}", key, event.getId(), d.describe());
        }
        case DeliveryOutcome.Failed f -> {
          failed.incrementAndGet();
          LOG.error("ping event not delivered key={} id={} {}", key, event.getId(), f.describe());
        }
      }
    } finally {
      inFlight.decrementAndGet();
    }
  }

  /**
   * How this ticker's sends ended.
   *
   * @param delivered the sink answered 2xx
   * @param deadLettered the sink failed, the dead letter sink accepted the event
   * @param failed not delivered anywhere (including sends that could not start)
   * @param cancelled dropped before sending because the source was unscheduled during the spread
   */
  public record Counts(long delivered, long deadLettered, long failed, long cancelled) {}

  /** One scheduled source. {@code cancelled} is set once, by {@link #unschedule}. */
  private static final class Entry {
    final PingEventFactory factory;
    final DeliveryTarget target;
    final EventSender sender;
    volatile boolean cancelled;

    Entry(PingEventFactory factory, DeliveryTarget target, EventSender sender) {
      this.factory = factory;
      this.target = target;
      this.sender = sender;
    }
  }
}
