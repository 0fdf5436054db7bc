package dev.tributary.runtime;

import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import io.vertx.core.Future;
import io.vertx.core.http.HttpServer;
import io.vertx.core.http.HttpServerRequest;
import java.util.ArrayList;
import java.util.List;
import java.util.function.BooleanSupplier;

/**
 * The operational endpoints every program serves, on upstream's ports: Prometheus metrics ({@code
 * GET /metrics}) on the metrics port, and the kubelet's probes ({@code GET /health}, {@code GET
 * /readiness}) on the probes port. Liveness is "the event loop answers"; readiness is the program's
 * own answer (e.g. "informers synced"), 503 until then.
 *
 * <p>The ports come from the program's env, as Knative's programs read them: {@code
 * METRICS_PROMETHEUS_PORT} and {@code PROBES_PORT}, each defaulting to the program's upstream port;
 * {@code 0} picks a free port (tests), {@code -1} turns the endpoint off. When both ports are the
 * same, one server serves both.
 *
 * <p>Lifecycle: {@link #start} binds; the servers live on the program's Vert.x instance, so they
 * close with it when the program ends ({@link #close} closes them earlier).
 */
public final class AdminServer {

  /** The env variable with the metrics port. */
  public static final String METRICS_PORT_ENV = "METRICS_PROMETHEUS_PORT";

  /** The env variable with the probes port. */
  public static final String PROBES_PORT_ENV = "PROBES_PORT";

  /** Upstream's probes port for every component. */
  public static final int DEFAULT_PROBES_PORT = 8080;

  private final List<HttpServer> servers;
  private final int metricsPort;
  private final int probesPort;

  private AdminServer(List<HttpServer> servers, int metricsPort, int probesPort) {
    this.servers = servers;
    this.metricsPort = metricsPort;
    this.probesPort = probesPort;
  }

  /**
   * Starts the endpoints for {@code ctx}'s program.
   *
   * @param defaultMetricsPort the program's upstream metrics port (9090 for mtping and the
   *     controller, 9092 for the ApiServerSource adapter)
   * @param ready the program's readiness; called on the event loop, must not block
   * @return the started server, failed when a port cannot be bound or an env value is not a port
   */
  public static Future<AdminServer> start(
      ProgramContext ctx, int defaultMetricsPort, BooleanSupplier ready) {
    int metrics;
    int probes;
    try {
      metrics = port(ctx.env(), METRICS_PORT_ENV, defaultMetricsPort);
      probes = port(ctx.env(), PROBES_PORT_ENV, DEFAULT_PROBES_PORT);
    } catch (EnvException e) {
      return Future.failedFuture(e);
    }
    PrometheusMeterRegistry registry =
        ctx.meterRegistry() instanceof PrometheusMeterRegistry prometheus ? prometheus : null;
    boolean shared = metrics == probes && metrics > 0;
    List<Future<HttpServer>> starting = new ArrayList<>();
    if (shared) {
      starting.add(listen(ctx, metrics, request -> serve(request, registry, ready, true, true)));
    } else {
      if (metrics >= 0) {
        starting.add(listen(ctx, metrics, request -> serve(request, registry, ready, true, false)));
      }
      if (probes >= 0) {
        starting.add(listen(ctx, probes, request -> serve(request, registry, ready, false, true)));
      }
    }
    return Future.all(starting)
        .map(
            all -> {
              List<HttpServer> bound = new ArrayList<>();
              for (int i = 0; i < all.size(); i++) {
                bound.add(all.resultAt(i));
              }
              int metricsBound = metrics < 0 ? -1 : bound.get(0).actualPort();
              int probesBound =
                  probes < 0
                      ? -1
                      : shared ? metricsBound : bound.get(bound.size() - 1).actualPort();
              return new AdminServer(bound, metricsBound, probesBound);
            });
  }

  /** The bound metrics port, or -1 when metrics are off. */
  public int metricsPort() {
    return metricsPort;
  }

  /** The bound probes port, or -1 when probes are off. */
  public int probesPort() {
    return probesPort;
  }

  /** Closes the servers. */
  public Future<Void> close() {
    List<Future<Void>> closing = new ArrayList<>();
    for (HttpServer server : servers) {
      closing.add(server.close());
    }
    return Future.all(closing).mapEmpty();
  }

  private static Future<HttpServer> listen(
      ProgramContext ctx, int port, io.vertx.core.Handler<HttpServerRequest> handler) {
    return ctx.vertx().createHttpServer().requestHandler(handler).listen(port, ctx.bindHost());
  }

  private static void serve(
      HttpServerRequest request,
      PrometheusMeterRegistry registry,
      BooleanSupplier ready,
      boolean metrics,
      boolean probes) {
    String path = request.path();
    if (metrics && path.equals("/metrics") && registry != null) {
      request
          .response()
          .putHeader("Content-Type", "text/plain; version=0.0.4; charset=utf-8")
          .end(registry.scrape());
    } else if (probes && path.equals("/health")) {
      request.response().end("ok");
    } else if (probes && path.equals("/readiness")) {
      boolean isReady = ready.getAsBoolean();
      request.response().setStatusCode(isReady ? 200 : 503).end(isReady ? "ok" : "not ready");
    } else {
      request.response().setStatusCode(404).end("404 page not found\n");
    }
  }

  private static int port(Env env, String name, int defaultPort) {
    long value = env.getInt(name, defaultPort);
    if (value < -1 || value > 65535) {
      throw new EnvException(name + "=" + value + " is not a port (0-65535, or -1 for off)");
    }
    return (int) value;
  }
}
