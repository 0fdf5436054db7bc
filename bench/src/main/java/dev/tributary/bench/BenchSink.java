package dev.tributary.bench;

import dev.tributary.delivery.CloudEventReceiver;
import dev.tributary.delivery.DeliveryMetrics;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpServerOptions;
import java.util.concurrent.atomic.LongAdder;

/**
 * An event-display-like sink for benchmarks: the same receiver event-display uses (decoding and
 * validating every CloudEvent), without printing, on one HTTP server per core sharing one port.
 * Prints {@code port=N} once listening, then runs until killed.
 */
public final class BenchSink {
  private BenchSink() {}

  public static void main(String[] args) throws Exception {
    int port = args.length > 0 ? Integer.parseInt(args[0]) : 0;
    int servers = Math.max(1, Runtime.getRuntime().availableProcessors());
    Vertx vertx = Vertx.vertx();
    LongAdder received = new LongAdder();
    CloudEventReceiver receiver =
        CloudEventReceiver.ofEvents(
            event -> {
              received.increment();
              return Future.succeededFuture();
            },
            DeliveryMetrics.noop());
    int bound = -1;
    for (int i = 0; i < servers; i++) {
      int wanted = bound < 0 ? port : bound;
      bound =
          vertx
              .createHttpServer(new HttpServerOptions().setHost("127.0.0.1").setPort(wanted))
              .requestHandler(receiver)
              .listen()
              .await()
              .actualPort();
    }
    System.out.println("port=" + bound);
    System.out.flush();
    Runtime.getRuntime()
        .addShutdownHook(new Thread(() -> System.err.println("sink received=" + received.sum())));
    Thread.currentThread().join();
  }
}
