package dev.tributary.delivery;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.micrometer.core.instrument.composite.CompositeMeterRegistry;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The catalogue of delivery metrics and their registration on a Micrometer registry. Names use
 * Micrometer's dotted form; a Prometheus registry renders {@code tributary.delivery.events.sent} as
 * {@code tributary_delivery_events_sent_total}.
 *
 * <p>Sender meters carry the tag {@value #TAG_CODE_CLASS} ({@code 1xx}…{@code 5xx}, or {@code
 * error} for a transport error or timeout); receiver rejections carry {@value #TAG_STATUS}.
 *
 * <p>Thread-safe. Meters are registered on first use.
 */
public final class DeliveryMetrics {

  /** Counter: events delivered to their sink (2xx), by the final response's code class. */
  public static final String EVENTS_SENT = "tributary.delivery.events.sent";

  /**
   * Counter: events not delivered, neither to the sink nor to a dead letter sink, by the code class
   * of the sink's last response.
   */
  public static final String EVENTS_FAILED = "tributary.delivery.events.failed";

  /** Counter: retries made (one per retry attempt, to sinks and dead letter sinks). */
  public static final String EVENTS_RETRIED = "tributary.delivery.events.retried";

  /** Counter: events the sink refused that a dead letter sink then accepted. */
  public static final String EVENTS_DEAD_LETTERED = "tributary.delivery.events.deadlettered";

  /** Timer (with a percentile histogram): duration of each attempt, by response code class. */
  public static final String DELIVERY_LATENCY = "tributary.delivery.latency";

  /** Counter: events the receiver accepted and its handler processed successfully. */
  public static final String RECEIVER_ACCEPTED = "tributary.receiver.events.accepted";

  /** Counter: requests the receiver answered with an error, by HTTP status. */
  public static final String RECEIVER_REJECTED = "tributary.receiver.requests.rejected";

  /** Tag on sender meters: {@code 2xx}, {@code 4xx}, {@code 5xx}, … or {@code error}. */
  public static final String TAG_CODE_CLASS = "response_code_class";

  /** Tag on {@link #RECEIVER_REJECTED}: the HTTP status answered. */
  public static final String TAG_STATUS = "response_code";

  /** Code class of a transport error or timeout. */
  public static final String CODE_CLASS_ERROR = "error";

  private final MeterRegistry registry;
  private final Map<String, Counter> counters = new ConcurrentHashMap<>();
  private final Map<String, Timer> timers = new ConcurrentHashMap<>();

  /** Registers meters on {@code registry} (owned by the caller). */
  public DeliveryMetrics(MeterRegistry registry) {
    this.registry = Objects.requireNonNull(registry, "registry");
  }

  /** Metrics that go nowhere (a registry with no backends), for programs that export none. */
  public static DeliveryMetrics noop() {
    return new DeliveryMetrics(new CompositeMeterRegistry());
  }

  /** The registry meters are registered on. */
  public MeterRegistry registry() {
    return registry;
  }

  /** {@code 2xx}-style class of an HTTP status; {@value #CODE_CLASS_ERROR} for -1 (no response). */
  public static String codeClass(int status) {
    if (status < 100 || status > 599) {
      return CODE_CLASS_ERROR;
    }
    return (status / 100) + "xx";
  }

  Timer.Sample startAttempt() {
    return Timer.start(registry);
  }

  void attemptDone(Timer.Sample sample, int status) {
    String codeClass = codeClass(status);
    sample.stop(
        timers.computeIfAbsent(
            codeClass,
            c ->
                Timer.builder(DELIVERY_LATENCY)
                    .description("Duration of one delivery attempt")
                    .tag(TAG_CODE_CLASS, c)
                    .publishPercentileHistogram()
                    .publishPercentiles(0.5, 0.95, 0.99)
                    .register(registry)));
  }

  void retried() {
    counter(EVENTS_RETRIED, List.of()).increment();
  }

  void outcome(DeliveryOutcome outcome) {
    switch (outcome) {
      case DeliveryOutcome.Delivered d ->
          counter(EVENTS_SENT, List.of(TAG_CODE_CLASS, codeClass(d.statusCode()))).increment();
      case DeliveryOutcome.DeadLettered d ->
          counter(EVENTS_DEAD_LETTERED, List.of(TAG_CODE_CLASS, codeClass(d.statusCode())))
              .increment();
      case DeliveryOutcome.Failed f ->
          counter(EVENTS_FAILED, List.of(TAG_CODE_CLASS, codeClass(f.lastStatusCode())))
              .increment();
    }
  }

  void accepted(int events) {
    counter(RECEIVER_ACCEPTED, List.of()).increment(events);
  }

  void rejected(int status) {
    counter(RECEIVER_REJECTED, List.of(TAG_STATUS, Integer.toString(status))).increment();
  }

  private Counter counter(String name, List<String> tags) {
    String key = name + tags;
    return counters.computeIfAbsent(
        key, k -> Counter.builder(name).tags(tags.toArray(String[]::new)).register(registry));
  }
}
