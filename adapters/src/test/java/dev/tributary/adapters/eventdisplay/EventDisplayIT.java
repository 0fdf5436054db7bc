package dev.tributary.adapters.eventdisplay;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tributary.runtime.Env;
import dev.tributary.runtime.Launch;
import dev.tributary.runtime.ProgramRuntime;
import dev.tributary.runtime.RecordingLogSink;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class EventDisplayIT {

  private final RecordingLogSink log = new RecordingLogSink();
  private final HttpClient http = HttpClient.newHttpClient();
  private ProgramRuntime runtime;
  private URI base;

  @BeforeEach
  void start() throws Exception {
    EventDisplay display = new EventDisplay();
    runtime =
        ProgramRuntime.start(
            display,
            Launch.of(Env.of(Map.of("PORT", "0")), List.of(), log).withBindHost("127.0.0.1"));
    int port =
        display.listeningPort().toCompletionStage().toCompletableFuture().get(10, TimeUnit.SECONDS);
    base = URI.create("http://127.0.0.1:" + port);
  }

  @AfterEach
  void stop() throws Exception {
    runtime.stop().toCompletionStage().toCompletableFuture().get(10, TimeUnit.SECONDS);
    http.close();
  }

  @Test
  void printsABinaryModeEventInKnativesFormat() throws Exception {
    HttpResponse<String> response =
        post(
            "/any/path",
            "{\"id\":2,\"label\":\"\"}",
            "Content-Type",
            "application/json",
            "ce-specversion",
            "1.0",
            "ce-id",
            "2b72d7bf-c38f-4a98-a433-608fbcdd2596",
            "ce-type",
            "dev.knative.eventing.samples.heartbeat",
            "ce-source",
            "https://knative.dev/eventing-contrib/cmd/heartbeats/#event-test/mypod",
            "ce-time",
            "2019-10-18T15:23:20.809775386Z",
            "ce-the",
            "42",
            "ce-heart",
            "yes",
            "ce-beats",
            "true");

    assertThat(response.statusCode()).isEqualTo(200);
    assertThat(response.body()).isEmpty();
    assertThat(log.text())
        .isEqualTo(
            """
            ☁️  cloudevents.Event
            Validation: valid
            Context Attributes,
              specversion: 1.0
              type: dev.knative.eventing.samples.heartbeat
              source: https://knative.dev/eventing-contrib/cmd/heartbeats/#event-test/mypod
              id: 2b72d7bf-c38f-4a98-a433-608fbcdd2596
              time: 2019-10-18T15:23:20.809775386Z
              datacontenttype: application/json
            Extensions,
              beats: true
              heart: yes
              the: 42
            Data,
              {
                "id": 2,
                "label": ""
              }
            """);
  }

  @Test
  void printsAStructuredEventWithDataBase64AsBinaryData() throws Exception {
    HttpResponse<String> response =
        post(
            "/",
            "{\"specversion\":\"1.0\",\"id\":\"1\",\"type\":\"t\",\"source\":\"/s\","
                + "\"datacontenttype\":\"text/plain\",\"data_base64\":\"aGVsbG8=\"}",
            "Content-Type",
            "application/cloudevents+json");

    assertThat(response.statusCode()).isEqualTo(200);
    assertThat(log.text()).endsWith("datacontenttype: text/plain\nData (binary),\n  hello\n");
  }

  @Test
  void answersHealthzWith204AndPrintsNothing() throws Exception {
    HttpResponse<String> response =
        http.send(
            HttpRequest.newBuilder(base.resolve("/healthz")).GET().build(),
            HttpResponse.BodyHandlers.ofString());

    assertThat(response.statusCode()).isEqualTo(204);
    assertThat(log.lines()).isEmpty();
  }

  @Test
  void refusesBadRequestsAndKeepsDisplaying() throws Exception {
    assertThat(post("/", "{\"not\":\"an event\"}", "Content-Type", "application/json").statusCode())
        .isEqualTo(415);
    assertThat(post("/", "{broken", "Content-Type", "application/cloudevents+json").statusCode())
        .isEqualTo(400);
    assertThat(
            post("/", "x", "ce-specversion", "1.0", "ce-type", "t", "ce-source", "/s").statusCode())
        .isEqualTo(400); // no id

    assertThat(
            post("/", "", "ce-specversion", "1.0", "ce-id", "ok", "ce-type", "t", "ce-source", "/s")
                .statusCode())
        .isEqualTo(200);
    // The answer comes after the handler printed, so the log is complete here.
    assertThat(log.lines()).hasSize(1);
    assertThat(log.text()).endsWith("  source: /s\n  id: ok\n");
  }

  @Test
  void exitsAsATerminatedProcessWhenStopped() throws Exception {
    assertThat(runtime.stop().toCompletionStage().toCompletableFuture().get(10, TimeUnit.SECONDS))
        .isEqualTo(ProgramRuntime.EXIT_TERMINATED);
  }

  @Test
  void reportsAPortInUseAndExitsOne() throws Exception {
    RecordingLogSink secondLog = new RecordingLogSink();
    EventDisplay second = new EventDisplay();
    ProgramRuntime clash =
        ProgramRuntime.start(
            second,
            Launch.of(
                    Env.of(Map.of("PORT", Integer.toString(base.getPort()))), List.of(), secondLog)
                .withBindHost("127.0.0.1"));

    assertThat(clash.exitCode().toCompletionStage().toCompletableFuture().get(10, TimeUnit.SECONDS))
        .isEqualTo(1);
    assertThat(secondLog.lines())
        .singleElement()
        .asString()
        .matches(
            "\\d{4}/\\d\\d/\\d\\d \\d\\d:\\d\\d:\\d\\d Error during receiver's runtime: listen tcp :\\d+: .+");
    assertThat(second.listeningPort().failed()).isTrue();
  }

  private HttpResponse<String> post(String path, String body, String... headers) throws Exception {
    HttpRequest.Builder request =
        HttpRequest.newBuilder(base.resolve(path)).POST(HttpRequest.BodyPublishers.ofString(body));
    for (int i = 0; i < headers.length; i += 2) {
      request.header(headers[i], headers[i + 1]);
    }
    return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
  }
}
