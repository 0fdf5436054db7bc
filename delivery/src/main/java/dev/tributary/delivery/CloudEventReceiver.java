package dev.tributary.delivery;

import io.cloudevents.CloudEvent;
import io.vertx.core.Future;
import io.vertx.core.Handler;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpHeaders;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.core.http.HttpServerResponse;
import io.vertx.core.http.HttpVersion;
import java.util.List;
import java.util.Objects;
import java.util.function.Function;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A Vert.x request handler that receives CloudEvents like sdk-go's HTTP receiver (what
 * event_display runs), on any path:
 *
 * <ul>
 *   <li>binary ({@code ce-*} headers), structured ({@code application/cloudevents+json}) and
 *       batched ({@code application/cloudevents-batch+json}) POSTs are decoded and validated (see
 *       {@link CloudEventHttpCodec});
 *   <li>each valid event is passed to the handler, one at a time in order; when all succeed the
 *       answer is 200 with an empty body, when one fails it is 500 with a one-line reason (later
 *       events of a batch are then not handed over);
 *   <li>a malformed or invalid event gets 400, a request in no known encoding (e.g. a plain JSON
 *       POST without {@code ce-} headers, as sdk-go) 415, a body over the limit 413 (checked on
 *       {@code Content-Length} up front and on the bytes streamed; the rest of the body is read and
 *       discarded so the client gets to read the answer, unless it is more than {@link
 *       #DRAIN_LIMIT_BYTES}, then the connection is closed), any method but POST 405. Error bodies
 *       are one plain-text line, never a stack trace.
 * </ul>
 *
 * <p>The handler may complete its future on any thread. Every request is answered; bad requests do
 * not affect later ones. Thread-safe (holds no per-request state).
 */
public final class CloudEventReceiver implements Handler<HttpServerRequest> {

  /** Default body limit: 4 MiB. */
  public static final long DEFAULT_MAX_BODY_BYTES = 4L * 1024 * 1024;

  private static final Logger LOG = LoggerFactory.getLogger(CloudEventReceiver.class);

  /**
   * How much of a body over the limit is still read (and discarded) after the 413. Closing the
   * connection while the client is still sending makes the kernel reset it, and a reset can destroy
   * the 413 before the client reads it; past this much, a huge body is not worth reading.
   */
  static final long DRAIN_LIMIT_BYTES = 1024 * 1024;

  private final Function<ReceivedEvent, Future<Void>> handler;
  private final DeliveryMetrics metrics;
  private final long maxBodyBytes;

  /**
   * A receiver with the {@value #DEFAULT_MAX_BODY_BYTES}-byte body limit.
   *
   * @param handler processes one valid event; a failed (or null) future, or a throw, answers 500.
   *     {@link ReceivedEvent#base64Data()} tells whether a structured event carried {@code
   *     data_base64}
   */
  public CloudEventReceiver(
      Function<ReceivedEvent, Future<Void>> handler, DeliveryMetrics metrics) {
    this(handler, metrics, DEFAULT_MAX_BODY_BYTES);
  }

  /**
   * A receiver with a body limit.
   *
   * @param maxBodyBytes larger bodies are answered 413
   */
  public CloudEventReceiver(
      Function<ReceivedEvent, Future<Void>> handler, DeliveryMetrics metrics, long maxBodyBytes) {
    if (maxBodyBytes < 0) {
      throw new IllegalArgumentException("maxBodyBytes must be >= 0, got " + maxBodyBytes);
    }
    this.handler = Objects.requireNonNull(handler, "handler");
    this.metrics = Objects.requireNonNull(metrics, "metrics");
    this.maxBodyBytes = maxBodyBytes;
  }

  /** A receiver whose handler needs only the event (not how its data was encoded). */
  public static CloudEventReceiver ofEvents(
      Function<CloudEvent, Future<Void>> handler, DeliveryMetrics metrics) {
    Objects.requireNonNull(handler, "handler");
    return new CloudEventReceiver(received -> handler.apply(received.event()), metrics);
  }

  @Override
  public void handle(HttpServerRequest request) {
    if (request.method() != HttpMethod.POST) {
      request.response().putHeader(HttpHeaders.ALLOW, "POST");
      reject(request, 405, "method " + request.method() + " not allowed: send events with POST");
      return;
    }
    if (declaredLength(request) > maxBodyBytes) {
      rejectTooLarge(request, 0);
      return;
    }
    if ("100-continue".equalsIgnoreCase(request.getHeader(HttpHeaders.EXPECT))) {
      request.response().writeContinue();
    }
    Buffer body = Buffer.buffer();
    boolean[] tooLarge = {false};
    request.handler(
        chunk -> {
          if (tooLarge[0]) {
            return;
          }
          if (body.length() + (long) chunk.length() > maxBodyBytes) {
            tooLarge[0] = true;
            rejectTooLarge(request, chunk.length());
          } else {
            body.appendBuffer(chunk);
          }
        });
    request.exceptionHandler(
        error -> LOG.debug("request failed uri={} reason=\"{}\"", request.uri(), error.toString()));
    request.endHandler(
        end -> {
          if (!tooLarge[0]) {
            process(request, body);
          }
        });
  }

  private void process(HttpServerRequest request, Buffer body) {
    List<ReceivedEvent> events;
    try {
      events = CloudEventHttpCodec.decode(request.headers(), body);
    } catch (CloudEventDecodingException e) {
      reject(request, e.status(), e.reason());
      return;
    }
    handInOrder(events, 0)
        .onComplete(
            handled -> {
              if (handled.succeeded()) {
                request.response().setStatusCode(200).end();
              } else {
                reject(
                    request, 500, "event handler failed: " + Reasons.rootMessage(handled.cause()));
              }
            });
  }

  private Future<Void> handInOrder(List<ReceivedEvent> events, int index) {
    if (index == events.size()) {
      return Future.succeededFuture();
    }
    ReceivedEvent received = events.get(index);
    return invoke(received)
        .onFailure(
            error ->
                LOG.warn(
                    "event handler failed id={} type={} source={} reason=\"{}\"",
                    received.event().getId(),
                    received.event().getType(),
                    received.event().getSource(),
                    Reasons.rootMessage(error)))
        .compose(
            handled -> {
              metrics.accepted(1);
              return handInOrder(events, index + 1);
            });
  }

  private Future<Void> invoke(ReceivedEvent received) {
    try {
      Future<Void> handled = handler.apply(received);
      return handled != null
          ? handled
          : Future.failedFuture(new IllegalStateException("handler returned no future"));
    } catch (RuntimeException e) {
      return Future.failedFuture(e);
    }
  }

  private long declaredLength(HttpServerRequest request) {
    String value = request.getHeader(HttpHeaders.CONTENT_LENGTH);
    if (value == null) {
      return -1;
    }
    try {
      return Long.parseLong(value.strip());
    } catch (NumberFormatException e) {
      return -1; // the HTTP codec rejects a malformed Content-Length itself
    }
  }

  /**
   * Answers 413 and discards the rest of the body; {@code alreadyDiscarded} bytes of it have been
   * read. A body too large to be worth draining (HTTP/1.x) gets its connection closed once the
   * answer is written.
   */
  private void rejectTooLarge(HttpServerRequest request, long alreadyDiscarded) {
    boolean http1 = request.version() != HttpVersion.HTTP_2;
    long declared = declaredLength(request);
    long[] discarded = {alreadyDiscarded};
    boolean[] tooMuch = {declared - maxBodyBytes > DRAIN_LIMIT_BYTES};
    request.handler(
        chunk -> {
          discarded[0] += chunk.length();
          if (!tooMuch[0] && discarded[0] > DRAIN_LIMIT_BYTES) {
            tooMuch[0] = true;
            closeOnceAnswered(request);
          }
        });
    request.endHandler(end -> {});
    reject(request, 413, "request body exceeds the limit of " + maxBodyBytes + " bytes")
        .onComplete(
            answered -> {
              if (http1 && tooMuch[0] && !request.isEnded()) {
                request.connection().close();
              }
            });
  }

  private static void closeOnceAnswered(HttpServerRequest request) {
    if (request.version() != HttpVersion.HTTP_2 && request.response().ended()) {
      request.connection().close();
    }
  }

  private Future<Void> reject(HttpServerRequest request, int status, String reason) {
    metrics.rejected(status);
    LOG.debug("request rejected uri={} status={} reason=\"{}\"", request.uri(), status, reason);
    HttpServerResponse response = request.response();
    if (response.ended() || response.closed()) {
      return Future.succeededFuture();
    }
    return response
        .setStatusCode(status)
        .putHeader(HttpHeaders.CONTENT_TYPE, "text/plain; charset=utf-8")
        .end(Reasons.oneLine(reason) + "\n");
  }
}
