package dev.tributary.adapters.heartbeats;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.tributary.adapters.eventdisplay.EventDisplay;
import dev.tributary.runtime.Env;
import dev.tributary.runtime.GoFlagSet;
import dev.tributary.runtime.Launch;
import dev.tributary.runtime.ProgramRuntime;
import dev.tributary.runtime.RecordingLogSink;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpServer;
import io.vertx.core.http.HttpServerOptions;
import io.vertx.core.net.SelfSignedCertificate;
import java.net.InetSocketAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class HeartbeatsIT {

  private static final Pattern DATA_ID = Pattern.compile("\n    \"id\": (\\d+),\n");

  private final RecordingLogSink displayLog = new RecordingLogSink();
  private final RecordingLogSink heartbeatsLog = new RecordingLogSink();
  private final List<ProgramRuntime> started = new ArrayList<>();
  private String sink;

  @BeforeEach
  void startEventDisplay() {
    EventDisplay display = new EventDisplay();
    started.add(
        ProgramRuntime.start(
            display,
            Launch.of(Env.of(Map.of("PORT", "0")), List.of(), displayLog)
                .withBindHost("127.0.0.1")));
    sink = "http://127.0.0.1:" + result(display.listeningPort());
  }

  @AfterEach
  void stopAll() {
    started.forEach(runtime -> result(runtime.stop()));
  }

  @Test
  void sendsAHeartbeatEveryPeriodWithIncreasingIds() {
    ProgramRuntime heartbeats = heartbeats(Map.of("K_SINK", sink), "--period=50ms");

    await().atMost(Duration.ofSeconds(20)).until(() -> displayLog.lines().size() >= 3);
    assertThat(dataIds(displayLog.lines()).subList(0, 3)).containsExactly(1, 2, 3);
    assertThat(displayLog.lines().get(0))
        .startsWith(
            """
            ☁️  cloudevents.Event
            Validation: valid
            Context Attributes,
              specversion: 1.0
              type: dev.knative.eventing.samples.heartbeat
              source: https://knative.dev/eventing-contrib/cmd/heartbeats/#event-test/mypod
              id: """)
        .contains(
            """
              datacontenttype: application/json
            Extensions,
              beats: true
              heart: yes
              the: 42
            Data,
              {
                "id": 1,
                "label": ""
              }""");
    assertThat(heartbeatsLog.lines().get(0))
        .endsWith(
            " Heartbeats Source: https://knative.dev/eventing-contrib/cmd/heartbeats/#event-test/mypod");
    assertThat(heartbeatsLog.lines().get(1)).endsWith(" sending cloudevent to " + sink);

    assertThat(result(heartbeats.stop())).isEqualTo(ProgramRuntime.EXIT_TERMINATED);
  }

  @Test
  void oneShotSendsOneEventAndExitsZero() {
    ProgramRuntime heartbeats =
        heartbeats(
            Map.of(
                "K_SINK",
                sink,
                "ONE_SHOT",
                "true",
                "K_CE_OVERRIDES",
                "{\"extensions\":{\"hello\":\"world\"}}"),
            "--period=1");

    assertThat(result(heartbeats.exitCode())).isZero();
    assertThat(displayLog.lines()).singleElement().asString().contains("  hello: world\n");
    assertThat(dataIds(displayLog.lines())).containsExactly(1);
  }

  @Test
  void logsFailedSendsAndKeepsBeating() throws Exception {
    com.sun.net.httpserver.HttpServer refusing =
        com.sun.net.httpserver.HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
    refusing.createContext(
        "/",
        exchange -> {
          exchange.getRequestBody().readAllBytes();
          exchange.sendResponseHeaders(400, -1); // not retried: each beat fails at once
          exchange.close();
        });
    refusing.start();
    try {
      heartbeats(
          Map.of("K_SINK", "http://127.0.0.1:" + refusing.getAddress().getPort()),
          "-period",
          "20ms");

      await()
          .atMost(Duration.ofSeconds(20))
          .until(
              () ->
                  heartbeatsLog.lines().stream()
                          .filter(line -> line.contains(" failed to send cloudevent: "))
                          .count()
                      >= 2);
    } finally {
      refusing.stop(0);
    }
  }

  @Test
  void trustsTheGivenCaCertificatesForAnHttpsSink() throws Exception {
    Vertx vertx = Vertx.vertx();
    try {
      SelfSignedCertificate certificate = SelfSignedCertificate.create("localhost");
      List<String> received = new CopyOnWriteArrayList<>();
      HttpServer tls =
          vertx
              .createHttpServer(
                  new HttpServerOptions()
                      .setSsl(true)
                      .setKeyCertOptions(certificate.keyCertOptions()))
              .requestHandler(
                  request ->
                      request
                          .body()
                          .onSuccess(body -> received.add(body.toString()))
                          .onComplete(done -> request.response().setStatusCode(202).end()))
              .listen(0, "127.0.0.1")
              .await(10, TimeUnit.SECONDS);
      String pem = Files.readString(Path.of(certificate.certificatePath()));

      ProgramRuntime heartbeats =
          heartbeats(
              Map.of("K_SINK", "https://localhost:" + tls.actualPort(), "ONE_SHOT", "true"),
              "--cacerts",
              pem);

      assertThat(result(heartbeats.exitCode())).isZero();
      assertThat(received).containsExactly("{\"id\":1,\"label\":\"\"}");
      assertThat(heartbeatsLog.text()).doesNotContain("failed to send cloudevent");
    } finally {
      vertx.close().await(10, TimeUnit.SECONDS);
    }
  }

  @Test
  void refusesAnUnknownFlagWithGoUsageAndExitCodeTwo() {
    ProgramRuntime heartbeats = heartbeats(Map.of("K_SINK", sink), "--bogus=1");

    assertThat(result(heartbeats.exitCode())).isEqualTo(GoFlagSet.EXIT_USAGE);
    assertThat(heartbeatsLog.lines())
        .containsExactly("flag provided but not defined: -bogus\n" + HeartbeatsFlags.FLAGS.usage());
  }

  @Test
  void exitsOneWhenThePodsNameIsMissing() {
    ProgramRuntime heartbeats =
        start(Map.of("POD_NAMESPACE", "event-test", "K_SINK", sink), "--period=1");

    assertThat(result(heartbeats.exitCode())).isEqualTo(1);
    assertThat(heartbeatsLog.lines())
        .singleElement()
        .asString()
        .endsWith(" [ERROR] Failed to process env var: required key POD_NAME missing value");
  }

  @Test
  void exitsOneWithoutASink() {
    ProgramRuntime heartbeats = heartbeats(Map.of(), "--period=1");

    assertThat(result(heartbeats.exitCode())).isEqualTo(1);
    assertThat(heartbeatsLog.lines())
        .singleElement()
        .asString()
        .endsWith(" failed to create client: http target option was empty string");
  }

  private ProgramRuntime heartbeats(Map<String, String> env, String... args) {
    Map<String, String> withPod = new HashMap<>(env);
    withPod.put("POD_NAME", "mypod");
    withPod.put("POD_NAMESPACE", "event-test");
    return start(withPod, args);
  }

  private ProgramRuntime start(Map<String, String> env, String... args) {
    ProgramRuntime runtime =
        ProgramRuntime.start(
            new Heartbeats(), Launch.of(Env.of(env), List.of(args), heartbeatsLog));
    started.add(runtime);
    return runtime;
  }

  private static List<Integer> dataIds(List<String> blocks) {
    List<Integer> ids = new ArrayList<>();
    for (String block : blocks) {
      Matcher m = DATA_ID.matcher(block);
      if (m.find()) {
        ids.add(Integer.parseInt(m.group(1)));
      }
    }
    return ids;
  }

  private static <T> T result(Future<T> future) {
    try {
      return future.toCompletionStage().toCompletableFuture().get(20, TimeUnit.SECONDS);
    } catch (Exception e) {
      throw new AssertionError(e);
    }
  }
}
