package dev.tributary.delivery;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpServer;
import java.io.ByteArrayInputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class CloudEventReceiverIT {

  private static final long LIMIT = 1024;

  private Vertx vertx;
  private HttpServer server;
  private MeterRegistry registry;
  private HttpClient http;
  private final List<ReceivedEvent> received = new CopyOnWriteArrayList<>();
  private volatile boolean handlerFails;

  @BeforeEach
  void setUp() throws Exception {
    vertx = Vertx.vertx();
    registry = new SimpleMeterRegistry();
    CloudEventReceiver receiver =
        new CloudEventReceiver(
            event -> {
              if (handlerFails) {
                return Future.failedFuture(new IllegalStateException("disk full\nat line 2"));
              }
              received.add(event);
              return Future.succeededFuture();
            },
            new DeliveryMetrics(registry),
            LIMIT);
    server =
        vertx
            .createHttpServer()
            .requestHandler(receiver)
            .listen(0, "127.0.0.1")
            .await(10, TimeUnit.SECONDS);
    http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();
  }

  @AfterEach
  void tearDown() throws Exception {
    http.close();
    server.close().await(10, TimeUnit.SECONDS);
    vertx.close().await(10, TimeUnit.SECONDS);
  }

  @Test
  void acceptsBinaryMode() throws Exception {
    HttpResponse<String> response =
        post(
            "/any/path",
            "{\"id\":2,\"label\":\"\"}",
            "Content-Type",
            "application/json",
            "ce-specversion",
            "1.0",
            "ce-id",
            "b-1",
            "ce-source",
            "https://knative.dev/heartbeats",
            "ce-type",
            "dev.knative.eventing.samples.heartbeat",
            "ce-time",
            "2019-10-18T15:23:20.809775386Z",
            "ce-heart",
            "yes");

    assertThat(response.statusCode()).isEqualTo(200);
    assertThat(response.body()).isEmpty();
    assertThat(received).hasSize(1);
    ReceivedEvent event = received.get(0);
    assertThat(event.base64Data()).isFalse();
    assertThat(event.event().getId()).isEqualTo("b-1");
    assertThat(event.event().getType()).isEqualTo("dev.knative.eventing.samples.heartbeat");
    assertThat(event.event().getDataContentType()).isEqualTo("application/json");
    assertThat(event.event().getExtension("heart")).isEqualTo("yes");
    assertThat(new String(event.event().getData().toBytes(), StandardCharsets.UTF_8))
        .isEqualTo("{\"id\":2,\"label\":\"\"}");
    assertThat(registry.counter(DeliveryMetrics.RECEIVER_ACCEPTED).count()).isEqualTo(1);
  }

  @Test
  void acceptsStructuredModeAndTellsWhetherDataWasBase64() throws Exception {
    HttpResponse<String> json =
        post(
            "/",
            "{\"specversion\":\"1.0\",\"id\":\"s-1\",\"source\":\"/s\",\"type\":\"t\","
                + "\"datacontenttype\":\"application/json\",\"data\":{\"message\":\"hello\"}}",
            "Content-Type",
            "application/cloudevents+json; charset=utf-8");
    HttpResponse<String> base64 =
        post(
            "/",
            "{\"specversion\":\"1.0\",\"id\":\"s-2\",\"source\":\"/s\",\"type\":\"t\","
                + "\"datacontenttype\":\"text/plain\",\"data_base64\":\"aGk=\"}",
            "Content-Type",
            "application/cloudevents+json");

    assertThat(json.statusCode()).isEqualTo(200);
    assertThat(base64.statusCode()).isEqualTo(200);
    assertThat(received).extracting(r -> r.event().getId()).containsExactly("s-1", "s-2");
    assertThat(received).extracting(ReceivedEvent::base64Data).containsExactly(false, true);
    assertThat(new String(received.get(0).event().getData().toBytes(), StandardCharsets.UTF_8))
        .isEqualTo("{\"message\":\"hello\"}");
    assertThat(new String(received.get(1).event().getData().toBytes(), StandardCharsets.UTF_8))
        .isEqualTo("hi");
  }

  @Test
  void acceptsABatchAndHandsEventsOverInOrder() throws Exception {
    HttpResponse<String> response =
        post(
            "/",
            "[{\"specversion\":\"1.0\",\"id\":\"1\",\"source\":\"/b\",\"type\":\"t\"},"
                + "{\"specversion\":\"1.0\",\"id\":\"2\",\"source\":\"/b\",\"type\":\"t\","
                + "\"data_base64\":\"AAE=\"}]",
            "Content-Type",
            "application/cloudevents-batch+json");

    assertThat(response.statusCode()).isEqualTo(200);
    assertThat(received).extracting(r -> r.event().getId()).containsExactly("1", "2");
    assertThat(received).extracting(ReceivedEvent::base64Data).containsExactly(false, true);
    assertThat(registry.counter(DeliveryMetrics.RECEIVER_ACCEPTED).count()).isEqualTo(2);
  }

  @Test
  void answers400ToMalformedEventsAndKeepsServing() throws Exception {
    assertRejected(
        post(
            "/",
            "{\"specversion\":\"1.0\",\"source\":\"/s\",\"type\":\"t\"}",
            "Content-Type",
            "application/cloudevents+json"),
        400,
        "id");
    assertRejected(
        post("/", "{not json", "Content-Type", "application/cloudevents+json"), 400, "JSON");
    assertRejected(
        post("/", "x", "ce-specversion", "1.0", "ce-source", "/s", "ce-type", "t"), 400, "id");
    assertRejected(
        post("/", "x", "ce-specversion", "1.0", "ce-id", "1", "ce-source", "/s", "ce-type", " "),
        400,
        "type: MUST be a non-empty string");
    assertRejected(
        post(
            "/",
            "x",
            "Content-Type",
            "text/",
            "ce-specversion",
            "1.0",
            "ce-id",
            "1",
            "ce-source",
            "/s",
            "ce-type",
            "t"),
        400,
        "datacontenttype");
    assertRejected(
        post(
            "/",
            "[{\"specversion\":\"1.0\",\"id\":\"1\",\"source\":\"/b\",\"type\":\"t\"}, 7]",
            "Content-Type",
            "application/cloudevents-batch+json"),
        400,
        "event 1");
    assertThat(received).isEmpty();
    assertThat(rejected(400)).isEqualTo(6);

    assertServesAValidEvent();
  }

  @Test
  void answers415ToUnknownEncodings() throws Exception {
    assertRejected(post("/", "{\"message\":\"hi\"}", "Content-Type", "application/json"), 415, "");
    assertRejected(post("/", "<e/>", "Content-Type", "application/cloudevents+xml"), 415, "xml");
    assertRejected(
        post("/", "x", "ce-specversion", "0.2", "ce-id", "1", "ce-source", "/s", "ce-type", "t"),
        415,
        "0.2");
    assertThat(rejected(415)).isEqualTo(3);

    assertServesAValidEvent();
  }

  @Test
  void answers413ToBodiesOverTheLimit() throws Exception {
    String big = "x".repeat((int) LIMIT + 100);
    HttpResponse<String> declared =
        post("/", big, "ce-specversion", "1.0", "ce-id", "1", "ce-source", "/s", "ce-type", "t");
    HttpRequest streamed =
        request("/", "ce-specversion", "1.0", "ce-id", "1", "ce-source", "/s", "ce-type", "t")
            .POST(
                HttpRequest.BodyPublishers.ofInputStream(
                    () -> new ByteArrayInputStream(big.getBytes(StandardCharsets.UTF_8))))
            .build();
    HttpResponse<String> chunked = http.send(streamed, HttpResponse.BodyHandlers.ofString());

    assertRejected(declared, 413, "limit");
    assertRejected(chunked, 413, "limit");
    assertThat(received).isEmpty();
    assertThat(rejected(413)).isEqualTo(2);

    assertServesAValidEvent();
  }

  @Test
  void answers405ToOtherMethods() throws Exception {
    HttpResponse<String> get =
        http.send(request("/").GET().build(), HttpResponse.BodyHandlers.ofString());

    assertRejected(get, 405, "POST");
    assertThat(get.headers().firstValue("Allow")).hasValue("POST");
    assertServesAValidEvent();
  }

  @Test
  void answers500WithOneLineWhenTheHandlerFails() throws Exception {
    handlerFails = true;

    HttpResponse<String> response =
        post("/", "", "ce-specversion", "1.0", "ce-id", "1", "ce-source", "/s", "ce-type", "t");

    assertRejected(response, 500, "disk full");
    assertThat(response.body()).doesNotContain("\tat ").doesNotContain("Exception");
    handlerFails = false;
    assertServesAValidEvent();
  }

  private void assertServesAValidEvent() throws Exception {
    int before = received.size();
    HttpResponse<String> response =
        post("/", "", "ce-specversion", "1.0", "ce-id", "ok", "ce-source", "/s", "ce-type", "t");
    assertThat(response.statusCode()).isEqualTo(200);
    await().atMost(Duration.ofSeconds(10)).until(() -> received.size() == before + 1);
  }

  private static void assertRejected(HttpResponse<String> response, int status, String reason) {
    assertThat(response.statusCode()).isEqualTo(status);
    assertThat(response.headers().firstValue("Content-Type"))
        .hasValueSatisfying(type -> assertThat(type).startsWith("text/plain"));
    assertThat(response.body()).contains(reason).endsWith("\n");
    assertThat(response.body().strip()).doesNotContain("\n");
  }

  private double rejected(int status) {
    return registry
        .counter(DeliveryMetrics.RECEIVER_REJECTED, DeliveryMetrics.TAG_STATUS, "" + status)
        .count();
  }

  private HttpResponse<String> post(String path, String body, String... headers) throws Exception {
    HttpRequest request =
        request(path, headers).POST(HttpRequest.BodyPublishers.ofString(body)).build();
    return http.send(request, HttpResponse.BodyHandlers.ofString());
  }

  private HttpRequest.Builder request(String path, String... headers) {
    HttpRequest.Builder builder =
        HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + server.actualPort() + path))
            .version(HttpClient.Version.HTTP_1_1)
            .timeout(Duration.ofSeconds(10));
    for (int i = 0; i < headers.length; i += 2) {
      builder.header(headers[i], headers[i + 1]);
    }
    return builder;
  }
}
