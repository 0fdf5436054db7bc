package dev.tributary.delivery;

import io.vertx.core.Future;
import io.vertx.core.MultiMap;
import io.vertx.core.Promise;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpClient;
import io.vertx.core.http.HttpClientRequest;
import io.vertx.core.http.HttpClientResponse;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.RequestOptions;
import java.net.URI;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicReference;

/**
 * One POST of an encoded event, bounded by a deadline that covers connecting, sending, and reading
 * the whole response (as Go's {@code http.Client.Timeout}). Must be started on a Vert.x context;
 * every callback then runs on it.
 */
final class SingleAttempt {

  private final Vertx vertx;
  private final HttpClient client;

  SingleAttempt(Vertx vertx, HttpClient client) {
    this.vertx = vertx;
    this.client = client;
  }

  /**
   * Sends once.
   *
   * @return a future that always succeeds: a response's status (and, for a non-2xx response, the
   *     start of its body), or {@link RetryPolicy#NO_RESPONSE} with the error
   */
  Future<AttemptResult> post(URI url, MultiMap headers, Buffer body, Duration timeout) {
    Promise<AttemptResult> done = Promise.promise();
    AtomicReference<HttpClientRequest> inFlight = new AtomicReference<>();
    long timer = timeout == null ? -1 : startDeadline(done, inFlight, timeout);
    try {
      RequestOptions options = requestOptions(url).setHeaders(headers);
      client
          .request(options)
          .onComplete(
              requested -> {
                if (requested.failed()) {
                  done.tryComplete(noResponse(requested.cause()));
                } else if (done.future().isComplete()) {
                  requested.result().reset(); // the deadline passed while waiting for a connection
                } else {
                  inFlight.set(requested.result());
                  requested
                      .result()
                      .send(body)
                      .onComplete(
                          answered -> {
                            if (answered.failed()) {
                              done.tryComplete(noResponse(answered.cause()));
                            } else {
                              readResponse(answered.result(), done);
                            }
                          });
                }
              });
    } catch (RuntimeException e) {
      done.tryComplete(noResponse(e));
    }
    return done.future()
        .andThen(
            finished -> {
              if (timer >= 0) {
                vertx.cancelTimer(timer);
              }
            });
  }

  /**
   * POST options for {@code url}, read off the already-parsed URI rather than re-parsed from its
   * text on every attempt (this is on every event's path).
   */
  private static RequestOptions requestOptions(URI url) {
    boolean tls = "https".equalsIgnoreCase(url.getScheme());
    String host = url.getHost();
    if (host != null && host.startsWith("[") && host.endsWith("]")) {
      host = host.substring(1, host.length() - 1); // IPv6 literal
    }
    String path = url.getRawPath() == null || url.getRawPath().isEmpty() ? "/" : url.getRawPath();
    String query = url.getRawQuery();
    return new RequestOptions()
        .setMethod(HttpMethod.POST)
        .setSsl(tls)
        .setHost(host)
        .setPort(url.getPort() > 0 ? url.getPort() : tls ? 443 : 80)
        .setURI(query == null ? path : path + "?" + query);
  }

  private long startDeadline(
      Promise<AttemptResult> done, AtomicReference<HttpClientRequest> inFlight, Duration timeout) {
    long millis = Timers.millis(timeout);
    return vertx.setTimer(
        millis,
        id -> {
          String error = "timeout: no complete response within " + millis + " ms";
          if (done.tryComplete(noResponse(error))) {
            HttpClientRequest request = inFlight.get();
            if (request != null) {
              request.reset(); // frees the connection instead of waiting on a silent peer
            }
          }
        });
  }

  private static void readResponse(HttpClientResponse response, Promise<AttemptResult> done) {
    int status = response.statusCode();
    boolean success = status >= 200 && status <= 299;
    // The body of a success is ignored; a failure's first bytes become knativeerrordata.
    Buffer kept = Buffer.buffer();
    response.handler(
        chunk -> {
          int room = DeadLetterExtensions.ERROR_BODY_MAX_BYTES - kept.length();
          if (!success && room > 0) {
            kept.appendBuffer(chunk, 0, Math.min(room, chunk.length()));
          }
        });
    response
        .end()
        .onComplete(
            ended -> {
              if (ended.failed()) {
                done.tryComplete(noResponse(ended.cause()));
              } else {
                String error =
                    success ? null : "unexpected HTTP response, expected 2xx, got " + status;
                done.tryComplete(new AttemptResult(status, 1, kept.getBytes(), error));
              }
            });
  }

  private static AttemptResult noResponse(Throwable cause) {
    return noResponse(Reasons.rootMessage(cause));
  }

  private static AttemptResult noResponse(String error) {
    // Knative's dispatcher reports this text as the body of a transport failure.
    byte[] body = ("dispatch error: " + error).getBytes(java.nio.charset.StandardCharsets.UTF_8);
    return new AttemptResult(RetryPolicy.NO_RESPONSE, 1, body, error);
  }
}
