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

  private static int freePort() throws java.io.IOException {
    try (java.net.ServerSocket socket =
        new java.net.ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
      return socket.getLocalPort();
    }
  }

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
    // Vert.x shares one listening port between servers that ask for the same host and port, so
    // a free port is chosen first rather than each server asking for port 0.
    int bound = port != 0 ? port : freePort();
    for (int i = 0; i < servers; i++) {
      vertx
          .createHttpServer(new HttpServerOptions().setHost("127.0.0.1").setPort(bound))
          .requestHandler(receiver)
          .listen()
          .await();
    }
    System.out.println("port=" + bound);
    System.out.flush();
    Runtime.getRuntime()
        .addShutdownHook(new Thread(() -> System.err.println("sink received=" + received.sum())));
    Thread.currentThread().join();
  }
}
