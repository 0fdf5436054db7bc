package dev.tributary.adapters.heartbeats;

import dev.tributary.delivery.DeliveryOutcome;
import dev.tributary.delivery.DeliveryTarget;
import dev.tributary.delivery.EventSender;
import dev.tributary.delivery.RetryPolicy;
import dev.tributary.runtime.GoLog;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.UUID;

/**
 * Sends heartbeats the way upstream's loop does: the first at once, then one per tick of a ticker
 * of {@code period}; sends never overlap, and while one is in flight at most one tick is kept (a Go
 * ticker's channel holds one), so a slow sink delays heartbeats rather than piling them up.
 *
 * <p>Confined to the program's event-loop thread: every method and callback runs there.
 */
final class HeartbeatLoop {

  private final Vertx vertx;
  private final HeartbeatsConfig config;
  private final HeartbeatEvents events;
  private final EventSender sender;
  private final DeliveryTarget target;
  private final Clock clock;
  private final GoLog log;

  private long sequence;
  private boolean sending;
  private boolean tickPending;
  private long timerId = -1;

  HeartbeatLoop(Vertx vertx, HeartbeatsConfig config, EventSender sender, Clock clock, GoLog log) {
    this.vertx = vertx;
    this.config = config;
    this.events = new HeartbeatEvents(config);
    this.sender = sender;
    this.target = DeliveryTarget.of(config.sink(), RetryPolicy.heartbeatsDefault());
    this.clock = clock;
    this.log = log;
  }

  /** Sends one heartbeat; the future completes when the send has ended, delivered or not. */
  Future<DeliveryOutcome> beatOnce() {
    sending = true;
    sequence++;
    var event =
        events.build(
            sequence,
            UUID.randomUUID().toString(),
            OffsetDateTime.ofInstant(clock.instant(), ZoneOffset.UTC));
    log.print("sending cloudevent to " + config.sink());
    return sender
        .send(event, target)
        .andThen(
            result -> {
              sending = false;
              if (result.failed()) {
                log.print("failed to send cloudevent: " + result.cause().getMessage());
              } else if (result.result() instanceof DeliveryOutcome.Failed failed) {
                log.print("failed to send cloudevent: " + failed.reason());
              }
            });
  }

  /** Beats now and on every tick until {@link #cancel()}. */
  void start() {
    // Vert.x timers have millisecond resolution; a shorter Go period ticks every millisecond.
    long periodMillis = Math.max(1, config.period().toMillis());
    timerId = vertx.setPeriodic(periodMillis, id -> tick());
    beatThenCatchUp();
  }

  /** Stops ticking; a send in flight ends on its own. */
  void cancel() {
    if (timerId >= 0) {
      vertx.cancelTimer(timerId);
      timerId = -1;
    }
  }

  private void tick() {
    if (sending) {
      tickPending = true;
    } else {
      beatThenCatchUp();
    }
  }

  private void beatThenCatchUp() {
    beatOnce()
        .onComplete(
            ignored -> {
              if (tickPending && timerId >= 0) {
                tickPending = false;
                beatThenCatchUp();
              }
            });
  }
}
