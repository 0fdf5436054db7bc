package dev.tributary.delivery;

import io.vertx.core.MultiMap;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpServer;
import io.vertx.core.http.HttpServerRequest;
import java.net.URI;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/** A loopback HTTP server (port 0) that records every request and answers as scripted. */
final class RecordingServer implements AutoCloseable {

  /** One recorded request. */
  record Request(String method, String path, MultiMap headers, Buffer body) {}

  /** How to answer the n-th request (1-based). */
  @FunctionalInterface
  interface Responder {
    void respond(int number, HttpServerRequest request, Buffer body);

    /** Answers with the statuses in order (the last one repeats) and the given body. */
    static Responder statuses(String body, int... statuses) {
      return (number, request, ignored) ->
          request
              .response()
              .setStatusCode(statuses[Math.min(number, statuses.length) - 1])
              .end(body);
    }

    /** Never answers. */
    static Responder silent() {
      return (number, request, body) -> {};
    }
  }

  private final List<Request> requests = new CopyOnWriteArrayList<>();
  private final AtomicInteger count = new AtomicInteger();
  private final HttpServer server;

  private RecordingServer(Vertx vertx, Responder responder) throws Exception {
    this.server =
        vertx
            .createHttpServer()
            .requestHandler(
                request ->
                    request
                        .body()
                        .onSuccess(
                            body -> {
                              MultiMap headers =
                                  MultiMap.caseInsensitiveMultiMap().addAll(request.headers());
                              requests.add(
                                  new Request(
                                      request.method().name(), request.path(), headers, body));
                              responder.respond(count.incrementAndGet(), request, body);
                            }))
            .listen(0, "127.0.0.1")
            .await(10, TimeUnit.SECONDS);
  }

  static RecordingServer start(Vertx vertx, Responder responder) throws Exception {
    return new RecordingServer(vertx, responder);
  }

  URI uri(String path) {
    return URI.create("http://127.0.0.1:" + server.actualPort() + path);
  }

  List<Request> requests() {
    return List.copyOf(requests);
  }

  @Override
  public void close() throws Exception {
    server.close().await(10, TimeUnit.SECONDS);
  }
}
