package dev.tributary.delivery;

import io.micrometer.core.instrument.Clock;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.micrometer.core.instrument.composite.CompositeMeterRegistry;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import java.util.concurrent.atomic.AtomicReferenceArray;

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

  /** Code classes by {@link #classIndex}: 0 for no response, 1…5 for 1xx…5xx. */
  private static final String[] CODE_CLASSES = {
    CODE_CLASS_ERROR, "1xx", "2xx", "3xx", "4xx", "5xx"
  };

  private final MeterRegistry registry;
  private final Clock clock;
  // Sender meters are looked up on every event: by code class index, not by a built string key.
  private final AtomicReferenceArray<Timer> latency = new AtomicReferenceArray<>(6);
  private final AtomicReferenceArray<Counter> sent = new AtomicReferenceArray<>(6);
  private final AtomicReferenceArray<Counter> failed = new AtomicReferenceArray<>(6);
  private final AtomicReferenceArray<Counter> deadLettered = new AtomicReferenceArray<>(6);
  private final AtomicReference<Counter> retried = new AtomicReference<>();
  private final AtomicReference<Counter> accepted = new AtomicReference<>();
  private final Map<Integer, Counter> rejected = new ConcurrentHashMap<>();

  /** Registers meters on {@code registry} (owned by the caller). */
  public DeliveryMetrics(MeterRegistry registry) {
    this.registry = Objects.requireNonNull(registry, "registry");
    this.clock = registry.config().clock();
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
    return CODE_CLASSES[classIndex(status)];
  }

  private static int classIndex(int status) {
    return status < 100 || status > 599 ? 0 : status / 100;
  }

  /** The start of an attempt, for {@link #attemptDone}: the registry clock's monotonic time. */
  long startAttempt() {
    return clock.monotonicTime();
  }

  void attemptDone(long startNanos, int status) {
    int index = classIndex(status);
    Timer timer = latency.get(index);
    if (timer == null) {
      timer =
          Timer.builder(DELIVERY_LATENCY)
              .description("Duration of one delivery attempt")
              .tag(TAG_CODE_CLASS, CODE_CLASSES[index])
              .publishPercentileHistogram()
              .publishPercentiles(0.5, 0.95, 0.99)
              .register(registry);
      latency.set(index, timer); // a racing registration returns the same meter
    }
    timer.record(clock.monotonicTime() - startNanos, TimeUnit.NANOSECONDS);
  }

  void retried() {
    counter(retried, EVENTS_RETRIED).increment();
  }

  void outcome(DeliveryOutcome outcome) {
    switch (outcome) {
      case DeliveryOutcome.Delivered d -> byClass(sent, EVENTS_SENT, d.statusCode()).increment();
      case DeliveryOutcome.DeadLettered d ->
          byClass(deadLettered, EVENTS_DEAD_LETTERED, d.statusCode()).increment();
      case DeliveryOutcome.Failed f ->
          byClass(failed, EVENTS_FAILED, f.lastStatusCode()).increment();
    }
  }

  void accepted(int events) {
    counter(accepted, RECEIVER_ACCEPTED).increment(events);
  }

  void rejected(int status) {
    rejected
        .computeIfAbsent(
            status,
            s ->
                Counter.builder(RECEIVER_REJECTED)
                    .tag(TAG_STATUS, Integer.toString(s))
                    .register(registry))
        .increment();
  }

  private Counter counter(AtomicReference<Counter> slot, String name) {
    Counter counter = slot.get();
    if (counter == null) {
      counter = Counter.builder(name).register(registry);
      slot.set(counter); // a racing registration returns the same meter
    }
    return counter;
  }

  private Counter byClass(AtomicReferenceArray<Counter> slots, String name, int status) {
    int index = classIndex(status);
    Counter counter = slots.get(index);
    if (counter == null) {
      counter = Counter.builder(name).tag(TAG_CODE_CLASS, CODE_CLASSES[index]).register(registry);
      slots.set(index, counter); // a racing registration returns the same meter
    }
    return counter;
  }
}
