package dev.tributary.adapters.ping;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import dev.tributary.adapters.schedule.TickScheduler;
import dev.tributary.api.duck.Destination;
import dev.tributary.api.sources.ping.PingSource;
import dev.tributary.api.sources.ping.PingSourceSpec;
import dev.tributary.delivery.CeOverridesApplier;
import dev.tributary.delivery.CloudEventReceiver;
import dev.tributary.delivery.DeliveryMetrics;
import dev.tributary.delivery.HttpEventSender;
import io.cloudevents.CloudEvent;
import io.cloudevents.SpecVersion;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpServer;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Queue;
import java.util.UUID;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.TimeUnit;
import java.util.random.RandomGenerator;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Real ticks (every second, real clock) into a real loopback CloudEvents receiver. */
class PingTickerIT {

  private static final String NAMESPACE = "pingsource-example";
  private static final String DATA = "{\"message\": \"hello, world!\"}";
  private static final RandomGenerator NO_SPREAD = () -> 0L;

  /** One request the receiver accepted: its Kn-Namespace header and its event. */
  private record Received(String knNamespace, CloudEvent event) {}

  private final Queue<Received> received = new ConcurrentLinkedQueue<>();
  private Vertx vertx;
  private HttpServer server;
  private TickScheduler scheduler;
  private HttpEventSender sender;
  private PingTicker ticker;
  private URI sink;
  private URI failingSink;

  @BeforeEach
  void start() {
    vertx = Vertx.vertx();
    CloudEventReceiver refusing =
        CloudEventReceiver.ofEvents(
            event -> Future.failedFuture("sink is broken"), DeliveryMetrics.noop());
    server =
        result(
            vertx
                .createHttpServer()
                .requestHandler(
                    request -> {
                      if (request.path().equals("/broken")) {
                        refusing.handle(request); // answers 500, which the default never retries
                        return;
                      }
                      // One receiver per request, so that each event is paired with its header.
                      String knNamespace = request.getHeader("Kn-Namespace");
                      CloudEventReceiver.ofEvents(
                              event -> {
                                received.add(new Received(knNamespace, event));
                                return Future.succeededFuture();
                              },
                              DeliveryMetrics.noop())
                          .handle(request);
                    })
                .listen(0, "127.0.0.1"));
    sink = URI.create("http://127.0.0.1:" + server.actualPort() + "/");
    failingSink = URI.create("http://127.0.0.1:" + server.actualPort() + "/broken");
    scheduler = TickScheduler.start(Clock.systemUTC());
    sender = new HttpEventSender(vertx, CeOverridesApplier.none(), DeliveryMetrics.noop());
    ticker = new PingTicker(scheduler, sender, vertx, Clock.systemUTC(), NO_SPREAD);
  }

  @AfterEach
  void stop() {
    ticker.close();
    scheduler.close();
    sender.close();
    result(server.close());
    result(vertx.close());
  }

  private static PingSource everySecond(String name) {
    PingSource source =
        PingSource.of(
            NAMESPACE,
            name,
            PingSourceSpec.of(Destination.ofUri("http://unused.example"), "* * * * * *")
                .withContentType("application/json")
                .withData(DATA));
    source.getMetadata().setUid(UUID.randomUUID().toString());
    return source;
  }

  private List<CloudEvent> eventsOf(String name) {
    URI source = URI.create("/apis/v1/namespaces/" + NAMESPACE + "/pingsources/" + name);
    return received.stream()
        .map(Received::event)
        .filter(event -> event.getSource().equals(source))
        .toList();
  }

  @Test
  void ticksArriveAsPingEventsAndStopAfterUnschedule() throws Exception {
    ticker.schedule(everySecond("test-ping-source"), sink);
    ticker.schedule(everySecond("other-ping-source"), sink);

    await().atMost(Duration.ofSeconds(15)).until(() -> eventsOf("test-ping-source").size() >= 2);
    List<CloudEvent> events = eventsOf("test-ping-source");
    for (CloudEvent event : events) {
      assertThat(event.getSpecVersion()).isEqualTo(SpecVersion.V1);
      assertThat(event.getType()).isEqualTo("dev.knative.sources.ping");
      assertThat(event.getSubject()).isNull();
      assertThat(event.getDataContentType()).isEqualTo("application/json");
      assertThat(event.getData().toBytes()).isEqualTo(DATA.getBytes(StandardCharsets.UTF_8));
      assertThat(event.getTime()).isNotNull();
      assertThat(event.getExtensionNames()).isEmpty();
      assertThat(UUID.fromString(event.getId()).version()).isEqualTo(5);
    }
    assertThat(events).extracting(CloudEvent::getId).doesNotHaveDuplicates();
    assertThat(received).extracting(Received::knNamespace).containsOnly(NAMESPACE);

    assertThat(ticker.unschedule(NAMESPACE, "test-ping-source")).isTrue();
    assertThat(ticker.unschedule(NAMESPACE, "test-ping-source")).isFalse();
    // A send started before unschedule may still land; wait for it, then expect silence.
    await().atMost(Duration.ofSeconds(10)).until(() -> ticker.inFlight() == 0);
    int stopped = eventsOf("test-ping-source").size();
    int other = eventsOf("other-ping-source").size();
    await()
        .during(Duration.ofMillis(2500))
        .atMost(Duration.ofSeconds(5))
        .until(() -> eventsOf("test-ping-source").size() == stopped);
    await()
        .atMost(Duration.ofSeconds(15))
        .until(() -> eventsOf("other-ping-source").size() > other);

    assertThat(ticker.counts().failed()).isZero();
    assertThat(ticker.counts().deadLettered()).isZero();
  }

  @Test
  void aRefusedTickIsCountedAsFailedAndTheSourceKeepsTicking() throws Exception {
    ticker.schedule(everySecond("broken-sink"), failingSink);

    await().atMost(Duration.ofSeconds(15)).until(() -> ticker.counts().failed() >= 2);
    assertThat(ticker.counts().delivered()).isZero();
    assertThat(received).isEmpty();
  }

  @Test
  void anInvalidRescheduleRemovesTheOldEntry() throws Exception {
    ticker.schedule(everySecond("changing"), sink);
    PingSource invalid = everySecond("changing");
    invalid.setSpec(invalid.getSpec().withSchedule("not a schedule"));

    assertThatThrownBy(() -> ticker.schedule(invalid, sink))
        .isInstanceOf(InvalidPingSourceException.class)
        .hasMessageContaining("spec.schedule");
    assertThat(scheduler.size()).isZero();
    assertThat(ticker.unschedule(NAMESPACE, "changing")).isFalse();
  }

  private static <T> T result(Future<T> future) {
    try {
      return future.toCompletionStage().toCompletableFuture().get(20, TimeUnit.SECONDS);
    } catch (Exception e) {
      throw new AssertionError(e);
    }
  }
}
