package dev.tributary.delivery;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tributary.api.duck.CloudEventOverrides;
import io.cloudevents.CloudEvent;
import io.cloudevents.core.builder.CloudEventBuilder;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class HttpEventSenderIT {

  private Vertx vertx;
  private MeterRegistry registry;
  private HttpEventSender sender;
  private final List<AutoCloseable> servers = new java.util.ArrayList<>();

  @BeforeEach
  void setUp() {
    vertx = Vertx.vertx();
    registry = new SimpleMeterRegistry();
    sender = new HttpEventSender(vertx, CeOverridesApplier.none(), new DeliveryMetrics(registry));
  }

  @AfterEach
  void tearDown() throws Exception {
    sender.close();
    for (AutoCloseable server : servers) {
      server.close();
    }
    vertx.close().await(10, TimeUnit.SECONDS);
  }

  @Test
  void retriesUnavailableUntilDelivered() throws Exception {
    RecordingServer sink = server(RecordingServer.Responder.statuses("", 503, 503, 200));

    DeliveryOutcome outcome =
        send(event("e-1"), DeliveryTarget.of(sink.uri("/"), RetryPolicy.sourceDefault()));

    assertThat(outcome).isEqualTo(new DeliveryOutcome.Delivered(200, 3));
    assertThat(sink.requests()).hasSize(3);
    assertThat(sink.requests()).extracting(r -> r.headers().get("ce-id")).containsOnly("e-1");
    assertThat(count(DeliveryMetrics.EVENTS_SENT, "2xx")).isEqualTo(1);
    assertThat(registry.counter(DeliveryMetrics.EVENTS_RETRIED).count()).isEqualTo(2);
    assertThat(
            registry
                .get(DeliveryMetrics.DELIVERY_LATENCY)
                .tag("response_code_class", "5xx")
                .timer()
                .count())
        .isEqualTo(2);
  }

  @Test
  void everyRetrySendsTheSameHeadersAndBody() throws Exception {
    RecordingServer sink = server(RecordingServer.Responder.statuses("", 503, 503, 200));
    DeliveryTarget target =
        new DeliveryTarget(
            sink.uri("/"),
            RetryPolicy.fromDeliverySpec(2, null, null, null),
            null,
            Encoding.BINARY,
            Map.of("Kn-Namespace", "default"));

    assertThat(send(event("e-11"), target)).isEqualTo(new DeliveryOutcome.Delivered(200, 3));

    List<RecordingServer.Request> requests = sink.requests();
    assertThat(requests).hasSize(3);
    for (RecordingServer.Request request : requests) {
      assertThat(request.body().toString()).isEqualTo("{\"n\":1}");
      assertThat(request.headers().getAll("ce-id")).containsExactly("e-11");
      assertThat(request.headers().getAll("Kn-Namespace")).containsExactly("default");
      assertThat(request.headers().getAll("Content-Length")).containsExactly("7");
      assertThat(request.headers().getAll("Content-Type")).containsExactly("application/json");
    }
  }

  @Test
  void deadLettersTheOriginalEventAfterTheLastRetry() throws Exception {
    RecordingServer sink = server(RecordingServer.Responder.statuses("sink is broken", 500));
    RecordingServer dls = server(RecordingServer.Responder.statuses("", 202));
    RetryPolicy policy = RetryPolicy.fromDeliverySpec(2, null, null, null);
    DeliveryTarget target =
        new DeliveryTarget(sink.uri("/in"), policy, dls.uri("/dead"), Encoding.BINARY, Map.of());

    DeliveryOutcome outcome = send(event("e-2"), target);

    assertThat(outcome).isEqualTo(new DeliveryOutcome.DeadLettered(dls.uri("/dead"), 500, 3));
    assertThat(sink.requests()).hasSize(3);
    assertThat(dls.requests()).hasSize(1);
    CloudEvent dead = decode(dls.requests().get(0));
    assertThat(dead.getId()).isEqualTo("e-2");
    assertThat(dead.getType()).isEqualTo("dev.tributary.test");
    assertThat(new String(dead.getData().toBytes(), StandardCharsets.UTF_8)).isEqualTo("{\"n\":1}");
    assertThat(dead.getExtension("knativeerrordest")).hasToString(sink.uri("/in").toString());
    assertThat(dead.getExtension("knativeerrorcode")).hasToString("500");
    assertThat(dead.getExtension("knativeerrordata")).isEqualTo(base64("sink is broken"));
    assertThat(count(DeliveryMetrics.EVENTS_DEAD_LETTERED, "5xx")).isEqualTo(1);
  }

  @Test
  void failsNamingBothWhenTheDeadLetterSinkFailsToo() throws Exception {
    RecordingServer sink = server(RecordingServer.Responder.statuses("", 503));
    RecordingServer dls = server(RecordingServer.Responder.statuses("", 400));
    RetryPolicy policy =
        RetryPolicy.fromDeliverySpec(1, BackoffPolicy.LINEAR, Duration.ofMillis(5), null);
    DeliveryTarget target =
        new DeliveryTarget(sink.uri("/"), policy, dls.uri("/dls"), Encoding.BINARY, Map.of());

    DeliveryOutcome outcome = send(event("e-3"), target);

    assertThat(outcome).isInstanceOf(DeliveryOutcome.Failed.class);
    DeliveryOutcome.Failed failed = (DeliveryOutcome.Failed) outcome;
    assertThat(failed.reason())
        .contains(sink.uri("/").toString())
        .contains(dls.uri("/dls").toString())
        .contains("got 503")
        .contains("got 400");
    assertThat(failed.lastStatusCode()).isEqualTo(503);
    assertThat(failed.attempts()).isEqualTo(2);
    assertThat(sink.requests()).hasSize(2);
    assertThat(dls.requests()).hasSize(1); // 400 is not retried
    assertThat(count(DeliveryMetrics.EVENTS_FAILED, "5xx")).isEqualTo(1);
  }

  @Test
  void honoursThePerAttemptTimeout() throws Exception {
    RecordingServer sink = server(RecordingServer.Responder.silent());
    RetryPolicy policy = RetryPolicy.fromDeliverySpec(1, null, null, Duration.ofMillis(50));

    DeliveryOutcome outcome = send(event("e-4"), DeliveryTarget.of(sink.uri("/"), policy));

    assertThat(outcome).isInstanceOf(DeliveryOutcome.Failed.class);
    DeliveryOutcome.Failed failed = (DeliveryOutcome.Failed) outcome;
    assertThat(failed.reason()).contains("timeout");
    assertThat(failed.lastStatusCode()).isEqualTo(-1);
    assertThat(failed.attempts()).isEqualTo(2);
    assertThat(count(DeliveryMetrics.EVENTS_FAILED, "error")).isEqualTo(1);
  }

  @Test
  void transportErrorIsDeadLetteredWithCode500() throws Exception {
    RecordingServer closed = server(RecordingServer.Responder.statuses("", 200));
    URI unreachable = closed.uri("/");
    closed.close();
    servers.remove(closed);
    RecordingServer dls = server(RecordingServer.Responder.statuses("", 200));
    DeliveryTarget target =
        new DeliveryTarget(
            unreachable,
            RetryPolicy.fromDeliverySpec(1, null, null, null),
            dls.uri("/"),
            Encoding.BINARY,
            Map.of());

    DeliveryOutcome outcome = send(event("e-5"), target);

    assertThat(outcome).isEqualTo(new DeliveryOutcome.DeadLettered(dls.uri("/"), -1, 2));
    CloudEvent dead = decode(dls.requests().get(0));
    assertThat(dead.getExtension("knativeerrorcode")).hasToString("500");
    assertThat(
            new String(
                Base64.getDecoder().decode((String) dead.getExtension("knativeerrordata")),
                StandardCharsets.UTF_8))
        .startsWith("dispatch error: ");
  }

  @Test
  void sourceDefaultDoesNotRetry500() throws Exception {
    RecordingServer sink = server(RecordingServer.Responder.statuses("", 500, 200));

    DeliveryOutcome outcome =
        send(event("e-6"), DeliveryTarget.of(sink.uri("/"), RetryPolicy.sourceDefault()));

    assertThat(outcome).isInstanceOf(DeliveryOutcome.Failed.class);
    assertThat(((DeliveryOutcome.Failed) outcome).lastStatusCode()).isEqualTo(500);
    assertThat(outcome.attempts()).isEqualTo(1);
    assertThat(sink.requests()).hasSize(1);
  }

  @Test
  void sourceDefaultRetries503() throws Exception {
    RecordingServer sink = server(RecordingServer.Responder.statuses("", 503, 200));

    DeliveryOutcome outcome =
        send(event("e-7"), DeliveryTarget.of(sink.uri("/"), RetryPolicy.sourceDefault()));

    assertThat(outcome).isEqualTo(new DeliveryOutcome.Delivered(200, 2));
    assertThat(sink.requests()).hasSize(2);
  }

  @Test
  void sendsBinaryModeWithTargetHeadersAndNoContentTypeWithoutData() throws Exception {
    RecordingServer sink = server(RecordingServer.Responder.statuses("ignored body", 200));
    CloudEvent noData =
        CloudEventBuilder.v1()
            .withId("e-8")
            .withSource(URI.create("/ping"))
            .withType("dev.knative.sources.ping")
            .build();
    DeliveryTarget target =
        new DeliveryTarget(
            sink.uri(""), // no path, like http://event-display.default.svc.cluster.local
            RetryPolicy.none(),
            null,
            Encoding.BINARY,
            Map.of("Kn-Namespace", "default"));

    assertThat(send(noData, target)).isEqualTo(new DeliveryOutcome.Delivered(200, 1));

    RecordingServer.Request request = sink.requests().get(0);
    assertThat(request.method()).isEqualTo("POST");
    assertThat(request.path()).isEqualTo("/");
    assertThat(request.headers().get("ce-specversion")).isEqualTo("1.0");
    assertThat(request.headers().get("ce-id")).isEqualTo("e-8");
    assertThat(request.headers().get("ce-source")).isEqualTo("/ping");
    assertThat(request.headers().get("ce-type")).isEqualTo("dev.knative.sources.ping");
    assertThat(request.headers().get("Kn-Namespace")).isEqualTo("default");
    assertThat(request.headers().contains("Content-Type")).isFalse();
    assertThat(request.body().length()).isZero();
  }

  @Test
  void appliesOverridesInBinaryModeButNeverToCoreAttributes() throws Exception {
    RecordingServer sink = server(RecordingServer.Responder.statuses("", 200));
    HttpEventSender overriding = overridingSender();

    DeliveryOutcome outcome =
        overriding
            .send(event("e-9"), DeliveryTarget.of(sink.uri("/"), RetryPolicy.none()))
            .await(10, TimeUnit.SECONDS);

    assertThat(outcome).isInstanceOf(DeliveryOutcome.Delivered.class);
    RecordingServer.Request request = sink.requests().get(0);
    assertThat(request.headers().get("ce-hello")).isEqualTo("world");
    assertThat(request.headers().get("ce-mixedcase")).isEqualTo("yes");
    assertThat(request.headers().getAll("ce-id")).containsExactly("e-9");
    assertThat(request.headers().getAll("ce-type")).containsExactly("dev.tributary.test");
  }

  @Test
  void appliesOverridesInStructuredMode() throws Exception {
    RecordingServer sink = server(RecordingServer.Responder.statuses("", 200));
    HttpEventSender overriding = overridingSender();
    DeliveryTarget target =
        new DeliveryTarget(sink.uri("/"), RetryPolicy.none(), null, Encoding.STRUCTURED, Map.of());

    DeliveryOutcome outcome = overriding.send(event("e-10"), target).await(10, TimeUnit.SECONDS);

    assertThat(outcome).isInstanceOf(DeliveryOutcome.Delivered.class);
    RecordingServer.Request request = sink.requests().get(0);
    assertThat(request.headers().get("Content-Type")).isEqualTo("application/cloudevents+json");
    assertThat(request.headers().contains("ce-id")).isFalse();
    CloudEvent received = decode(request);
    assertThat(received.getExtension("hello")).isEqualTo("world");
    assertThat(received.getExtension("mixedcase")).isEqualTo("yes");
    assertThat(received.getId()).isEqualTo("e-10");
    assertThat(received.getType()).isEqualTo("dev.tributary.test");
  }

  private HttpEventSender overridingSender() {
    CeOverridesApplier applier =
        new CeOverridesApplier(
            new CloudEventOverrides(
                Map.of("hello", "world", "MixedCase", "yes", "id", "hijacked", "TYPE", "x")));
    HttpEventSender overriding = new HttpEventSender(vertx, applier, new DeliveryMetrics(registry));
    servers.add(overriding);
    return overriding;
  }

  private DeliveryOutcome send(CloudEvent event, DeliveryTarget target) throws Exception {
    return sender.send(event, target).await(30, TimeUnit.SECONDS);
  }

  private RecordingServer server(RecordingServer.Responder responder) throws Exception {
    RecordingServer server = RecordingServer.start(vertx, responder);
    servers.add(server);
    return server;
  }

  private double count(String name, String codeClass) {
    return registry.counter(name, DeliveryMetrics.TAG_CODE_CLASS, codeClass).count();
  }

  private static CloudEvent decode(RecordingServer.Request request) throws Exception {
    List<ReceivedEvent> events = CloudEventHttpCodec.decode(request.headers(), request.body());
    assertThat(events).hasSize(1);
    return events.get(0).event();
  }

  private static String base64(String text) {
    return Base64.getEncoder().encodeToString(text.getBytes(StandardCharsets.UTF_8));
  }

  private static CloudEvent event(String id) {
    return CloudEventBuilder.v1()
        .withId(id)
        .withSource(URI.create("/tributary/test"))
        .withType("dev.tributary.test")
        .withDataContentType("application/json")
        .withData(Buffer.buffer("{\"n\":1}").getBytes())
        .build();
  }
}
