package dev.tributary.runtime;

import static org.assertj.core.api.Assertions.assertThat;

import io.vertx.core.Promise;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class AdminServerTest {

  private final HttpClient http = HttpClient.newHttpClient();
  private final RecordingLogSink log = new RecordingLogSink();
  private ProgramRuntime runtime;

  @AfterEach
  void stop() throws Exception {
    if (runtime != null) {
      runtime
          .stop(Duration.ofSeconds(5))
          .toCompletionStage()
          .toCompletableFuture()
          .get(10, TimeUnit.SECONDS);
    }
  }

  private AdminServer start(Map<String, String> env, AtomicBoolean ready) throws Exception {
    CompletableFuture<AdminServer> started = new CompletableFuture<>();
    runtime =
        ProgramRuntime.start(
            ctx -> {
              ctx.meterRegistry().counter("tributary_test_total").increment();
              Promise<Integer> exit = Promise.promise();
              AdminServer.start(ctx, 9090, ready::get)
                  .onSuccess(started::complete)
                  .onFailure(
                      e -> {
                        started.completeExceptionally(e);
                        exit.tryFail(e);
                      });
              ctx.stopRequested().onComplete(stopped -> exit.tryComplete(0));
              return exit.future();
            },
            Launch.of(Env.of(env), List.of(), log).withBindHost("127.0.0.1"));
    return started.get(10, TimeUnit.SECONDS);
  }

  private HttpResponse<String> get(int port, String path) throws Exception {
    return http.send(
        HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path)).build(),
        HttpResponse.BodyHandlers.ofString());
  }

  @Test
  void servesMetricsAndProbesOnTheirOwnPorts() throws Exception {
    AtomicBoolean ready = new AtomicBoolean(false);
    AdminServer server = start(Map.of("METRICS_PROMETHEUS_PORT", "0", "PROBES_PORT", "0"), ready);

    assertThat(server.metricsPort()).isNotEqualTo(server.probesPort());
    HttpResponse<String> metrics = get(server.metricsPort(), "/metrics");
    assertThat(metrics.statusCode()).isEqualTo(200);
    assertThat(metrics.body()).contains("tributary_test_total 1.0");
    assertThat(get(server.metricsPort(), "/health").statusCode()).isEqualTo(404);
    assertThat(get(server.probesPort(), "/health").statusCode()).isEqualTo(200);
    assertThat(get(server.probesPort(), "/metrics").statusCode()).isEqualTo(404);
    assertThat(get(server.probesPort(), "/readiness").statusCode()).isEqualTo(503);
    ready.set(true);
    assertThat(get(server.probesPort(), "/readiness").statusCode()).isEqualTo(200);
  }

  @Test
  void turnsAnEndpointOffWithMinusOne() throws Exception {
    AdminServer server =
        start(Map.of("METRICS_PROMETHEUS_PORT", "-1", "PROBES_PORT", "0"), new AtomicBoolean(true));

    assertThat(server.metricsPort()).isEqualTo(-1);
    assertThat(get(server.probesPort(), "/readiness").statusCode()).isEqualTo(200);
  }

  @Test
  void rejectsAValueThatIsNotAPort() {
    CompletableFuture<Throwable> failure = new CompletableFuture<>();
    runtime =
        ProgramRuntime.start(
            ctx ->
                AdminServer.start(ctx, 9090, () -> true)
                    .onFailure(failure::complete)
                    .map(server -> 0),
            Launch.of(Env.of(Map.of("PROBES_PORT", "70000")), List.of(), log));

    assertThat(failure.join())
        .hasMessage("PROBES_PORT=70000 is not a port (0-65535, or -1 for off)");
  }
}
