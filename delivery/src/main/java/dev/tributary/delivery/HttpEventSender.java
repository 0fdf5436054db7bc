package dev.tributary.delivery;

import io.cloudevents.CloudEvent;
import io.vertx.core.Context;
import io.vertx.core.Future;
import io.vertx.core.Handler;
import io.vertx.core.Promise;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpClientAgent;
import io.vertx.core.http.HttpClientOptions;
import io.vertx.core.http.PoolOptions;
import java.net.URI;
import java.time.Duration;
import java.util.Objects;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Delivers CloudEvents over HTTP with one Vert.x HTTP client (a keep-alive connection pool shared
 * by all sends), as Knative's adapters and dispatcher do:
 *
 * <ul>
 *   <li>{@code K_CE_OVERRIDES} (via {@link CeOverridesApplier}) applied to every event sent,
 *       including to the dead letter sink;
 *   <li>binary mode unless the target asks for structured; the target's extra headers added;
 *   <li>success = any 2xx, the response body ignored;
 *   <li>per-attempt timeout, retries per {@link RetryPolicy} with waits on Vert.x timers (no thread
 *       ever blocks);
 *   <li>after the final failure, with a dead letter sink, the original event goes there (same retry
 *       policy) with {@code knativeerrordest}, {@code knativeerrorcode} and {@code
 *       knativeerrordata}.
 * </ul>
 *
 * <p>Each final failure is logged (key=value) and counted in {@link DeliveryMetrics}.
 *
 * <p>Thread-safe; {@link #send} may be called from any thread. The caller owns the {@link Vertx}
 * instance; {@link #close()} closes only this sender's HTTP client.
 */
public final class HttpEventSender implements EventSender {

  /** Default maximum of HTTP/1.1 connections per sink host. */
  public static final int DEFAULT_POOL_SIZE = 50;

  private static final Logger LOG = LoggerFactory.getLogger(HttpEventSender.class);

  private final Vertx vertx;
  private final HttpClientAgent client;
  private final SingleAttempt attempt;
  private final CeOverridesApplier overrides;
  private final DeliveryMetrics metrics;
  private volatile boolean closed;

  /** A sender with default client options and a pool of {@value #DEFAULT_POOL_SIZE}. */
  public HttpEventSender(Vertx vertx, CeOverridesApplier overrides, DeliveryMetrics metrics) {
    this(vertx, overrides, metrics, new HttpClientOptions(), DEFAULT_POOL_SIZE);
  }

  /**
   * A sender with the given client options (e.g. TLS trust for {@code K_CA_CERTS}) and pool size.
   * Keep-alive is forced on.
   *
   * @param poolSize maximum HTTP/1.1 connections per sink host
   */
  public HttpEventSender(
      Vertx vertx,
      CeOverridesApplier overrides,
      DeliveryMetrics metrics,
      HttpClientOptions clientOptions,
      int poolSize) {
    if (poolSize < 1) {
      throw new IllegalArgumentException("poolSize must be >= 1, got " + poolSize);
    }
    this.vertx = Objects.requireNonNull(vertx, "vertx");
    this.overrides = Objects.requireNonNull(overrides, "overrides");
    this.metrics = Objects.requireNonNull(metrics, "metrics");
    HttpClientOptions options = new HttpClientOptions(clientOptions).setKeepAlive(true);
    this.client = vertx.createHttpClient(options, new PoolOptions().setHttp1MaxSize(poolSize));
    this.attempt = new SingleAttempt(vertx, client);
  }

  @Override
  public Future<DeliveryOutcome> send(CloudEvent event, DeliveryTarget target) {
    Objects.requireNonNull(event, "event");
    Objects.requireNonNull(target, "target");
    Promise<DeliveryOutcome> outcome = Promise.promise();
    // One context per send: its attempts, timers and callbacks then all run on one event loop.
    // A caller already on one of our event loops (a program's own code) keeps its context and
    // saves a hop through the task queue.
    Context current = Vertx.currentContext();
    if (current != null && current.owner() == vertx && current.isEventLoopContext()) {
      deliver(event, target, outcome);
    } else {
      vertx.getOrCreateContext().runOnContext(ignored -> deliver(event, target, outcome));
    }
    return outcome.future();
  }

  /**
   * Starts closing the HTTP client and returns at once; sends in flight or waiting to retry end as
   * {@link DeliveryOutcome.Failed}. Close the sender before its {@link Vertx}: closing Vert.x first
   * cancels pending retry timers, and their sends never complete.
   */
  @Override
  public void close() {
    closed = true;
    client
        .close()
        .onFailure(error -> LOG.warn("closing HTTP client failed reason=\"{}\"", error.toString()));
  }

  // The path of every event is plain callbacks rather than chains of futures: it runs once per
  // event, and each link of a chain is a few objects and a dispatch. Whatever throws on it (e.g.
  // encoding) ends the send as Failed with the error's root message, status -1 and 0 attempts.

  private void deliver(CloudEvent event, DeliveryTarget target, Promise<DeliveryOutcome> outcome) {
    try {
      CloudEventHttpCodec.EncodedEvent encoded = encode(overrides.apply(event), target);
      attempts(
          target.sink(),
          encoded,
          target.retry(),
          result -> {
            if (result.succeeded()) {
              finish(
                  event,
                  target,
                  outcome,
                  new DeliveryOutcome.Delivered(result.status(), result.attempts()));
            } else if (target.deadLetterSink() == null) {
              finish(
                  event,
                  target,
                  outcome,
                  new DeliveryOutcome.Failed(
                      result.reason(target.sink()), result.status(), result.attempts()));
            } else {
              deadLetter(event, target, result, outcome);
            }
          });
    } catch (RuntimeException e) {
      fail(event, target, outcome, e);
    }
  }

  private void deadLetter(
      CloudEvent original,
      DeliveryTarget target,
      AttemptResult sinkResult,
      Promise<DeliveryOutcome> outcome) {
    try {
      URI dls = target.deadLetterSink();
      CloudEvent dead =
          DeadLetterExtensions.add(
              original, target.sink(), sinkResult.status(), sinkResult.errorBody());
      attempts(
          dls,
          encode(overrides.apply(dead), target),
          target.retry(),
          dlsResult ->
              finish(
                  original,
                  target,
                  outcome,
                  dlsResult.succeeded()
                      ? new DeliveryOutcome.DeadLettered(
                          dls, sinkResult.status(), sinkResult.attempts())
                      : new DeliveryOutcome.Failed(
                          "unable to complete request to either "
                              + target.sink()
                              + " ("
                              + sinkResult.error()
                              + ") or "
                              + dls
                              + " ("
                              + dlsResult.error()
                              + ")",
                          sinkResult.status(),
                          sinkResult.attempts())));
    } catch (RuntimeException e) {
      fail(original, target, outcome, e);
    }
  }

  private void fail(
      CloudEvent event, DeliveryTarget target, Promise<DeliveryOutcome> outcome, Throwable error) {
    finish(event, target, outcome, new DeliveryOutcome.Failed(Reasons.rootMessage(error), -1, 0));
  }

  private void finish(
      CloudEvent event,
      DeliveryTarget target,
      Promise<DeliveryOutcome> outcome,
      DeliveryOutcome result) {
    metrics.outcome(result);
    log(event, target, result);
    outcome.tryComplete(result);
  }

  private static CloudEventHttpCodec.EncodedEvent encode(CloudEvent event, DeliveryTarget target) {
    CloudEventHttpCodec.EncodedEvent encoded = CloudEventHttpCodec.encode(event, target.encoding());
    target.headers().forEach(encoded.headers()::set);
    return new CloudEventHttpCodec.EncodedEvent(
        AttemptHeaders.prepare(encoded.headers(), encoded.body().length()), encoded.body());
  }

  /**
   * Attempts until a 2xx, a status the policy does not retry, or retries run out; then hands the
   * last attempt's result to {@code last}.
   */
  private void attempts(
      URI url,
      CloudEventHttpCodec.EncodedEvent encoded,
      RetryPolicy policy,
      Handler<AttemptResult> last) {
    attemptNumber(1, url, encoded, policy, last);
  }

  private void attemptNumber(
      int number,
      URI url,
      CloudEventHttpCodec.EncodedEvent encoded,
      RetryPolicy policy,
      Handler<AttemptResult> last) {
    if (closed) {
      last.handle(
          new AttemptResult(RetryPolicy.NO_RESPONSE, number - 1, new byte[0], "sender closed"));
      return;
    }
    long started = metrics.startAttempt();
    // Every attempt sends the same headers and body: Vert.x shares or copies the headers (see
    // AttemptHeaders) and writes a slice of the body, so an attempt consumes or changes neither.
    attempt.post(
        url,
        encoded.headers(),
        encoded.body(),
        policy.timeout(),
        result -> {
          metrics.attemptDone(started, result.status());
          AttemptResult counted =
              new AttemptResult(result.status(), number, result.errorBody(), result.error());
          boolean retrying;
          try {
            retrying = retryLater(counted, url, encoded, policy, last);
          } catch (RuntimeException e) {
            LOG.error("retry scheduling failed url={} reason=\"{}\"", url, e.toString());
            retrying = false;
          }
          if (!retrying) {
            last.handle(counted);
          }
        });
  }

  /** Schedules the next attempt after {@code result} if the policy wants one; tells if it did. */
  private boolean retryLater(
      AttemptResult result,
      URI url,
      CloudEventHttpCodec.EncodedEvent encoded,
      RetryPolicy policy,
      Handler<AttemptResult> last) {
    int number = result.attempts();
    if (result.succeeded()
        || number > policy.retries()
        || !policy.retryableStatus().test(result.status())
        || closed) {
      return false;
    }
    metrics.retried();
    Duration wait = policy.backoffBeforeRetry(number);
    LOG.debug(
        "retrying delivery url={} attempt={} waitMs={} reason=\"{}\"",
        url,
        number,
        wait.toMillis(),
        result.error());
    if (wait.isZero()) {
      vertx.runOnContext(next -> attemptNumber(number + 1, url, encoded, policy, last));
    } else {
      vertx.setTimer(
          Timers.millis(wait), next -> attemptNumber(number + 1, url, encoded, policy, last));
    }
    return true;
  }

  private static void log(CloudEvent event, DeliveryTarget target, DeliveryOutcome outcome) {
    switch (outcome) {
      case DeliveryOutcome.Delivered d -> {}
      case DeliveryOutcome.DeadLettered d ->
          LOG.warn(
              "event dead-lettered id={} type={} source={} sink={} deadLetterSink={} status={}"
                  + " attempts={}",
              event.getId(),
              event.getType(),
              event.getSource(),
              target.sink(),
              d.deadLetterSink(),
              d.statusCode(),
              d.attempts());
      case DeliveryOutcome.Failed f ->
          LOG.error(
              "event delivery failed id={} type={} source={} sink={} status={} attempts={}"
                  + " reason=\"{}\"",
              event.getId(),
              event.getType(),
              event.getSource(),
              target.sink(),
              f.lastStatusCode(),
              f.attempts(),
              f.reason());
    }
  }
}
