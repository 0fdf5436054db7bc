package dev.tributary.adapters.apiserver;

import dev.tributary.delivery.DeliveryOutcome;
import dev.tributary.delivery.DeliveryTarget;
import dev.tributary.delivery.EventSender;
import io.cloudevents.CloudEvent;
import io.cloudevents.core.builder.CloudEventBuilder;
import io.vertx.core.Future;
import io.vertx.core.Promise;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.function.BiConsumer;

/**
 * The adapter's bounded, ordered delivery queue: the watches put changes in without waiting, and
 * one send at a time takes them out in order, so the sink sees changes in the order the API server
 * reported them and a slow sink never blocks a watch thread.
 *
 * <p><b>When full</b>, {@link #offer} refuses the step and returns false; the caller must not drop
 * it but stop reading (the watches pause and later resume from the last resourceVersion they
 * enqueued, see {@link ResourceWatcher}), and may register with {@link #whenRoom} to be told when
 * at least half of the queue is free again. So a full queue back-pressures the watches; nothing is
 * dropped silently.
 *
 * <p>A step is one change: an event to send, or none (a change the filters dropped, a bookmark),
 * and what to do once it is done ({@link Step#done}), e.g. advance a checkpoint. A send that fails
 * for good (after the sender's retries) is logged and counted by the sender and the step is done
 * anyway, as upstream drops such an event; the checkpoint then moves past it.
 *
 * <p>Not thread-safe: use it only on the program's event-loop context.
 */
final class DeliveryQueue {

  /** One change to deliver, in order. */
  record Step(CloudEvent event, Runnable done) {}

  private final int capacity;
  private final EventSender sender;
  private final DeliveryTarget target;
  private final Clock clock;
  private final Deque<Step> steps = new ArrayDeque<>();
  private final List<Runnable> roomWaiters = new ArrayList<>();
  private final BiConsumer<CloudEvent, DeliveryOutcome> outcomes;
  private boolean sending;
  private Promise<Void> drained;

  /**
   * @param capacity how many steps may wait
   * @param outcomes told of each event sent and its outcome (for logs), on the context
   */
  DeliveryQueue(
      int capacity,
      EventSender sender,
      DeliveryTarget target,
      Clock clock,
      BiConsumer<CloudEvent, DeliveryOutcome> outcomes) {
    if (capacity < 1) {
      throw new IllegalArgumentException("capacity must be >= 1, got " + capacity);
    }
    this.capacity = capacity;
    this.sender = sender;
    this.target = target;
    this.clock = clock;
    this.outcomes = outcomes;
  }

  /** Queues {@code step}; false, and nothing queued, when the queue is full. */
  boolean offer(Step step) {
    if (steps.size() >= capacity) {
      return false;
    }
    steps.addLast(step);
    pump();
    return true;
  }

  /** Runs {@code action} once, as soon as at least half of the queue is free. */
  void whenRoom(Runnable action) {
    if (steps.size() <= capacity / 2) {
      action.run();
    } else {
      roomWaiters.add(action);
    }
  }

  /** How many steps wait (including the one being sent). */
  int size() {
    return steps.size();
  }

  /** Completes once every queued step is done. */
  Future<Void> drained() {
    if (steps.isEmpty()) {
      return Future.succeededFuture();
    }
    if (drained == null) {
      drained = Promise.promise();
    }
    return drained.future();
  }

  private void pump() {
    if (sending) {
      return;
    }
    while (!sending && !steps.isEmpty()) {
      Step head = steps.peekFirst();
      if (head.event() != null) {
        sending = true;
        CloudEvent stamped =
            CloudEventBuilder.v1(head.event())
                .withTime(OffsetDateTime.ofInstant(clock.instant(), ZoneOffset.UTC))
                .build();
        sender
            .send(stamped, target)
            .onComplete(
                result -> {
                  sending = false;
                  if (result.succeeded()) {
                    outcomes.accept(stamped, result.result());
                  }
                  finishHead();
                  pump();
                });
        return;
      }
      finishHead();
    }
  }

  private void finishHead() {
    Step head = steps.pollFirst();
    head.done().run();
    if (steps.size() <= capacity / 2 && !roomWaiters.isEmpty()) {
      List<Runnable> waiting = List.copyOf(roomWaiters);
      roomWaiters.clear();
      waiting.forEach(Runnable::run);
    }
    if (steps.isEmpty() && drained != null) {
      Promise<Void> done = drained;
      drained = null;
      done.complete();
    }
  }
}
