package dev.tributary.adapters.eventdisplay;

import dev.tributary.delivery.CloudEventReceiver;
import dev.tributary.delivery.DeliveryMetrics;
import dev.tributary.runtime.GoLog;
import dev.tributary.runtime.Program;
import dev.tributary.runtime.ProgramContext;
import dev.tributary.runtime.ProgramRuntime;
import io.vertx.core.Future;
import io.vertx.core.Promise;
import io.vertx.core.http.HttpServerRequest;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Knative's event_display ({@code cmd/event_display}): receives CloudEvents over HTTP on any path
 * and prints each to the log in sdk-go's format; {@code /healthz} answers 204. Listens on port
 * 8080, or on {@code PORT} (a Tributary addition for tests; 0 picks a free port, see {@link
 * #listeningPort()}). Runs until stopped, then exits {@link ProgramRuntime#EXIT_TERMINATED}, as the
 * upstream process does on SIGTERM. One instance runs once.
 */
public final class EventDisplay implements Program {

  private static final Logger LOG = LoggerFactory.getLogger(EventDisplay.class);

  private final Promise<Integer> port = Promise.promise();

  @Override
  public Future<Integer> run(ProgramContext ctx) {
    int requested = (int) ctx.env().getInt("PORT", 8080);
    var receiver =
        new CloudEventReceiver(
            received -> {
              String block = EventFormatter.display(received.event(), received.base64Data());
              ctx.log().line(block.substring(0, block.length() - 1)); // the sink ends the line
              return Future.succeededFuture();
            },
            new DeliveryMetrics(ctx.meterRegistry()));
    return ctx.vertx()
        .createHttpServer()
        .requestHandler(request -> healthzOr(request, receiver))
        .listen(requested, ctx.bindHost())
        .onSuccess(server -> port.complete(server.actualPort()))
        .onSuccess(server -> LOG.info("event-display listening port={}", server.actualPort()))
        .compose(
            server -> ctx.stopRequested().map(ProgramRuntime.EXIT_TERMINATED),
            failure -> {
              port.tryFail(failure);
              new GoLog(ctx.log(), ctx.clock())
                  .print(
                      "Error during receiver's runtime: listen tcp :"
                          + requested
                          + ": "
                          + failure.getMessage());
              return Future.succeededFuture(ProgramRuntime.EXIT_FAILURE);
            });
  }

  /** The port the display listens on, once it does (fails if it could not listen). */
  public Future<Integer> listeningPort() {
    return port.future();
  }

  /** As upstream's middleware: exactly {@code /healthz} (no query) is the health check. */
  private static void healthzOr(HttpServerRequest request, CloudEventReceiver receiver) {
    if ("/healthz".equals(request.uri())) {
      request.response().setStatusCode(204).end();
    } else {
      receiver.handle(request);
    }
  }
}
