package dev.tributary.testing;

import dev.tributary.delivery.CloudEventReceiver;
import dev.tributary.delivery.DeliveryMetrics;
import io.cloudevents.CloudEvent;
import io.vertx.core.Future;
import io.vertx.core.Promise;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpServer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * A CloudEvents sink on loopback that records what it receives, in order; shared by the tests of
 * every module that sends events (this test tree is published as a test-jar).
 */
public final class RecordingSink implements AutoCloseable {

  private final Vertx vertx = Vertx.vertx();
  private final List<CloudEvent> events = new ArrayList<>();
  private final HttpServer server;
  private final List<Promise<Void>> held = new ArrayList<>();
  private boolean holding;

  public RecordingSink() throws Exception {
    server =
        vertx
            .createHttpServer()
            .requestHandler(
                CloudEventReceiver.ofEvents(
                    event -> {
                      synchronized (events) {
                        events.add(event);
                        if (holding) {
                          Promise<Void> answer = Promise.promise();
                          held.add(answer);
                          return answer.future();
                        }
                      }
                      return Future.succeededFuture();
                    },
                    DeliveryMetrics.noop()))
            .listen(0, "127.0.0.1")
            .await(10, TimeUnit.SECONDS);
  }

  /** From now on, events are recorded but not answered until {@link #release}. */
  public void hold() {
    synchronized (events) {
      holding = true;
    }
  }

  /** Answers every held event and stops holding. */
  public void release() {
    List<Promise<Void>> answers;
    synchronized (events) {
      holding = false;
      answers = List.copyOf(held);
      held.clear();
    }
    answers.forEach(Promise::complete);
  }

  public String url() {
    return "http://127.0.0.1:" + server.actualPort() + "/";
  }

  public List<CloudEvent> events() {
    synchronized (events) {
      return List.copyOf(events);
    }
  }

  /** The events about objects named {@code name}, in order. */
  public List<CloudEvent> about(String name) {
    return events().stream().filter(e -> name.equals(e.getExtension("name"))).toList();
  }

  /** {@code type name} of each event in {@code namespace}, in order. */
  public List<String> summary(String namespace) {
    return events().stream()
        .filter(e -> namespace.equals(e.getExtension("namespace")))
        .map(e -> e.getType() + " " + e.getExtension("name"))
        .toList();
  }

  public static String data(CloudEvent e) {
    return new String(e.getData().toBytes(), StandardCharsets.UTF_8);
  }

  @Override
  public void close() throws Exception {
    vertx.close().await(10, TimeUnit.SECONDS);
  }
}
