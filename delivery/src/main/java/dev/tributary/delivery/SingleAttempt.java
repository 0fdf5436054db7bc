package dev.tributary.delivery;

import io.vertx.core.Handler;
import io.vertx.core.MultiMap;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpClient;
import io.vertx.core.http.HttpClientRequest;
import io.vertx.core.http.HttpClientResponse;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.RequestOptions;
import java.net.URI;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * One POST of an encoded event, bounded by a deadline that covers connecting, sending, and reading
 * the whole response (as Go's {@code http.Client.Timeout}). Must be started on a Vert.x context;
 * every callback then runs on it.
 */
final class SingleAttempt {

  private static final byte[] NO_BYTES = new byte[0];

  private final Vertx vertx;
  private final HttpClient client;

  SingleAttempt(Vertx vertx, HttpClient client) {
    this.vertx = vertx;
    this.client = client;
  }

  /**
   * Sends once and hands the result to {@code done}, exactly once, on the calling context: a
   * response's status (and, for a non-2xx response, the start of its body), or {@link
   * RetryPolicy#NO_RESPONSE} with the error.
   */
  void post(URI url, MultiMap headers, Buffer body, Duration timeout, Handler<AttemptResult> done) {
    InFlight attempt = new InFlight(done);
    if (timeout != null) {
      startDeadline(attempt, timeout);
    }
    try {
      RequestOptions options = requestOptions(url).setHeaders(headers);
      client
          .request(options)
          .onComplete(
              requested -> {
                if (requested.failed()) {
                  attempt.finish(noResponse(requested.cause()));
                } else if (attempt.isFinished()) {
                  requested.result().reset(); // the deadline passed while waiting for a connection
                } else {
                  attempt.request = requested.result();
                  attempt
                      .request
                      .send(body)
                      .onComplete(
                          answered -> {
                            if (answered.failed()) {
                              attempt.finish(noResponse(answered.cause()));
                            } else {
                              readResponse(answered.result(), attempt);
                            }
                          });
                }
              });
    } catch (RuntimeException e) {
      attempt.finish(noResponse(e));
    }
  }

  /** One attempt's state: who hears its result, its deadline timer and its request. */
  private final class InFlight {
    private final Handler<AttemptResult> done;
    // Set once, on the calling context, by whichever comes first: the answer or the deadline.
    private final AtomicBoolean finished = new AtomicBoolean();
    private long timer = -1;
    private volatile HttpClientRequest request;

    InFlight(Handler<AttemptResult> done) {
      this.done = done;
    }

    boolean isFinished() {
      return finished.get();
    }

    /** Hands {@code result} on unless the attempt already finished; tells if it did. */
    boolean finish(AttemptResult result) {
      if (!finished.compareAndSet(false, true)) {
        return false;
      }
      if (timer >= 0) {
        vertx.cancelTimer(timer);
      }
      done.handle(result);
      return true;
    }
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

  private void startDeadline(InFlight attempt, Duration timeout) {
    long millis = Timers.millis(timeout);
    attempt.timer =
        vertx.setTimer(
            millis,
            id -> {
              attempt.timer = -1; // fired: nothing to cancel
              String error = "timeout: no complete response within " + millis + " ms";
              if (attempt.finish(noResponse(error))) {
                HttpClientRequest request = attempt.request;
                if (request != null) {
                  request.reset(); // frees the connection instead of waiting on a silent peer
                }
              }
            });
  }

  private static void readResponse(HttpClientResponse response, InFlight attempt) {
    int status = response.statusCode();
    if (status >= 200 && status <= 299) {
      // The body of a success is ignored: with no handler set, Vert.x drops its chunks as they
      // come, and the end still says the whole response (and the connection) is done.
      response
          .end()
          .onComplete(
              ended ->
                  attempt.finish(
                      ended.failed()
                          ? noResponse(ended.cause())
                          : new AttemptResult(status, 1, NO_BYTES, null)));
      return;
    }
    // A failure's first bytes become knativeerrordata.
    Buffer kept = Buffer.buffer();
    response.handler(
        chunk -> {
          int room = DeadLetterExtensions.ERROR_BODY_MAX_BYTES - kept.length();
          if (room > 0) {
            kept.appendBuffer(chunk, 0, Math.min(room, chunk.length()));
          }
        });
    response
        .end()
        .onComplete(
            ended ->
                attempt.finish(
                    ended.failed()
                        ? noResponse(ended.cause())
                        : new AttemptResult(
                            status,
                            1,
                            kept.getBytes(),
                            "unexpected HTTP response, expected 2xx, got " + status)));
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
