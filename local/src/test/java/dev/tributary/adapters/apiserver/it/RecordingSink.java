package dev.tributary.adapters.apiserver.it;

import dev.tributary.delivery.CloudEventReceiver;
import dev.tributary.delivery.DeliveryMetrics;
import io.cloudevents.CloudEvent;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpServer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/** A CloudEvents sink on loopback that records what it receives, in order. */
final class RecordingSink implements AutoCloseable {

  private final Vertx vertx = Vertx.vertx();
  private final List<CloudEvent> events = new ArrayList<>();
  private final HttpServer server;

  RecordingSink() throws Exception {
    server =
        vertx
            .createHttpServer()
            .requestHandler(
                CloudEventReceiver.ofEvents(
                    event -> {
                      synchronized (events) {
                        events.add(event);
                      }
                      return Future.succeededFuture();
                    },
                    DeliveryMetrics.noop()))
            .listen(0, "127.0.0.1")
            .await(10, TimeUnit.SECONDS);
  }

  String url() {
    return "http://127.0.0.1:" + server.actualPort() + "/";
  }

  List<CloudEvent> events() {
    synchronized (events) {
      return List.copyOf(events);
    }
  }

  /** The events about objects named {@code name}, in order. */
  List<CloudEvent> about(String name) {
    return events().stream().filter(e -> name.equals(e.getExtension("name"))).toList();
  }

  /** {@code type name} of each event in {@code namespace}, in order. */
  List<String> summary(String namespace) {
    return events().stream()
        .filter(e -> namespace.equals(e.getExtension("namespace")))
        .map(e -> e.getType() + " " + e.getExtension("name"))
        .toList();
  }

  static String data(CloudEvent e) {
    return new String(e.getData().toBytes(), StandardCharsets.UTF_8);
  }

  @Override
  public void close() throws Exception {
    vertx.close().await(10, TimeUnit.SECONDS);
  }
}
