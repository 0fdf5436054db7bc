package dev.tributary.adapters.apiserver;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tributary.delivery.DeliveryOutcome;
import dev.tributary.delivery.DeliveryTarget;
import dev.tributary.delivery.EventSender;
import dev.tributary.delivery.RetryPolicy;
import io.cloudevents.CloudEvent;
import io.cloudevents.core.builder.CloudEventBuilder;
import io.vertx.core.Future;
import io.vertx.core.Promise;
import java.net.URI;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class DeliveryQueueTest {

  /** A sender whose sends complete when the test says so. */
  static final class ManualSender implements EventSender {
    final List<CloudEvent> sent = new ArrayList<>();
    final List<Promise<DeliveryOutcome>> inFlight = new ArrayList<>();

    @Override
    public Future<DeliveryOutcome> send(CloudEvent event, DeliveryTarget target) {
      sent.add(event);
      Promise<DeliveryOutcome> p = Promise.promise();
      inFlight.add(p);
      return p.future();
    }

    void completeNext(DeliveryOutcome outcome) {
      inFlight.remove(0).complete(outcome);
    }

    @Override
    public void close() {}
  }

  private static final Instant NOW = Instant.parse("2026-01-02T03:04:05Z");
  private static final DeliveryTarget TARGET =
      DeliveryTarget.of(URI.create("http://127.0.0.1:1/"), RetryPolicy.none());

  private final ManualSender sender = new ManualSender();
  private final List<String> done = new ArrayList<>();
  private final DeliveryQueue queue =
      new DeliveryQueue(
          4, sender, TARGET, Clock.fixed(NOW, ZoneOffset.UTC), (event, outcome) -> {});

  private static CloudEvent event(String id) {
    return CloudEventBuilder.v1()
        .withId(id)
        .withType("t")
        .withSource(URI.create("https://api"))
        .build();
  }

  private DeliveryQueue.Step step(String id) {
    return new DeliveryQueue.Step(event(id), () -> done.add(id));
  }

  @Test
  void sendsOneAtATimeInOrderStampingTheTime() {
    assertThat(queue.offer(step("1"))).isTrue();
    assertThat(queue.offer(step("2"))).isTrue();
    assertThat(sender.sent).extracting(CloudEvent::getId).containsExactly("1");
    assertThat(sender.sent.get(0).getTime().toInstant()).isEqualTo(NOW);

    sender.completeNext(new DeliveryOutcome.Delivered(200, 1));
    assertThat(done).containsExactly("1");
    assertThat(sender.sent).extracting(CloudEvent::getId).containsExactly("1", "2");
  }

  @Test
  void stepsWithoutAnEventAreDoneInTheirTurn() {
    queue.offer(step("1"));
    queue.offer(new DeliveryQueue.Step(null, () -> done.add("bookmark")));
    queue.offer(step("2"));
    assertThat(done).isEmpty();

    sender.completeNext(new DeliveryOutcome.Delivered(202, 1));
    assertThat(done).containsExactly("1", "bookmark");
    sender.completeNext(new DeliveryOutcome.Failed("500", 500, 1));
    assertThat(done).containsExactly("1", "bookmark", "2");
    assertThat(queue.drained().succeeded()).isTrue();
  }

  @Test
  void aFullQueueRefusesAndTellsWhenHalfIsFree() {
    for (int i = 0; i < 4; i++) {
      assertThat(queue.offer(step("e" + i))).isTrue();
    }
    assertThat(queue.offer(step("refused"))).isFalse();
    List<String> room = new ArrayList<>();
    queue.whenRoom(() -> room.add("room"));
    Future<Void> drained = queue.drained();

    sender.completeNext(new DeliveryOutcome.Delivered(200, 1));
    assertThat(room).isEmpty(); // 3 of 4 still queued
    sender.completeNext(new DeliveryOutcome.Delivered(200, 1));
    assertThat(room).containsExactly("room");
    assertThat(drained.isComplete()).isFalse();
    sender.completeNext(new DeliveryOutcome.Delivered(200, 1));
    sender.completeNext(new DeliveryOutcome.Delivered(200, 1));
    assertThat(drained.succeeded()).isTrue();
    assertThat(sender.sent).extracting(CloudEvent::getId).doesNotContain("refused");
  }
}
