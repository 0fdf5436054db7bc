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
    Handler<Void> start =
        ignored ->
            Future.<Void>succeededFuture()
                .compose(nothing -> deliver(event, target)) // a throw becomes a failed future
                .otherwise(error -> new DeliveryOutcome.Failed(Reasons.rootMessage(error), -1, 0))
                .onSuccess(
                    result -> {
                      metrics.outcome(result);
                      log(event, target, result);
                      outcome.complete(result);
                    });
    if (current != null && current.owner() == vertx && current.isEventLoopContext()) {
      start.handle(null);
    } else {
      vertx.getOrCreateContext().runOnContext(start);
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

  private Future<DeliveryOutcome> deliver(CloudEvent event, DeliveryTarget target) {
    CloudEventHttpCodec.EncodedEvent encoded = encode(overrides.apply(event), target);
    return attempts(target.sink(), encoded, target.retry())
        .compose(
            result -> {
              if (result.succeeded()) {
                return Future.succeededFuture(
                    new DeliveryOutcome.Delivered(result.status(), result.attempts()));
              }
              if (target.deadLetterSink() == null) {
                return Future.succeededFuture(
                    new DeliveryOutcome.Failed(
                        result.reason(target.sink()), result.status(), result.attempts()));
              }
              return deadLetter(event, target, result);
            });
  }

  private Future<DeliveryOutcome> deadLetter(
      CloudEvent original, DeliveryTarget target, AttemptResult sinkResult) {
    URI dls = target.deadLetterSink();
    CloudEvent dead =
        DeadLetterExtensions.add(
            original, target.sink(), sinkResult.status(), sinkResult.errorBody());
    return attempts(dls, encode(overrides.apply(dead), target), target.retry())
        .map(
            dlsResult ->
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
                        sinkResult.attempts()));
  }

  private static CloudEventHttpCodec.EncodedEvent encode(CloudEvent event, DeliveryTarget target) {
    CloudEventHttpCodec.EncodedEvent encoded = CloudEventHttpCodec.encode(event, target.encoding());
    target.headers().forEach(encoded.headers()::set);
    return encoded;
  }

  /** Attempts until a 2xx, a status the policy does not retry, or retries run out. */
  private Future<AttemptResult> attempts(
      URI url, CloudEventHttpCodec.EncodedEvent encoded, RetryPolicy policy) {
    Promise<AttemptResult> last = Promise.promise();
    attemptNumber(1, url, encoded, policy, last);
    return last.future();
  }

  private void attemptNumber(
      int number,
      URI url,
      CloudEventHttpCodec.EncodedEvent encoded,
      RetryPolicy policy,
      Promise<AttemptResult> last) {
    if (closed) {
      last.complete(
          new AttemptResult(RetryPolicy.NO_RESPONSE, number - 1, new byte[0], "sender closed"));
      return;
    }
    long started = metrics.startAttempt();
    // Every attempt sends the same headers and body: Vert.x copies the headers into its own
    // request and writes a slice of the body, so neither is consumed or changed by an attempt.
    attempt
        .post(url, encoded.headers(), encoded.body(), policy.timeout())
        .onSuccess(
            result -> {
              metrics.attemptDone(started, result.status());
              AttemptResult counted =
                  new AttemptResult(result.status(), number, result.errorBody(), result.error());
              try {
                retryOrFinish(counted, url, encoded, policy, last);
              } catch (RuntimeException e) {
                last.tryComplete(counted);
                LOG.error("retry scheduling failed url={} reason=\"{}\"", url, e.toString());
              }
            });
  }

  private void retryOrFinish(
      AttemptResult result,
      URI url,
      CloudEventHttpCodec.EncodedEvent encoded,
      RetryPolicy policy,
      Promise<AttemptResult> last) {
    int number = result.attempts();
    if (result.succeeded()
        || number > policy.retries()
        || !policy.retryableStatus().test(result.status())
        || closed) {
      last.complete(result);
      return;
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
