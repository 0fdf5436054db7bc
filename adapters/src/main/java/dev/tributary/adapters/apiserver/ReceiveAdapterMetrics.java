package dev.tributary.adapters.apiserver;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import java.util.function.Supplier;

/**
 * The receive adapter's own metrics (delivery has its own, {@code DeliveryMetrics}); every name in
 * one place.
 */
final class ReceiveAdapterMetrics {

  /** Watch deltas received from the API server, before filtering. */
  static final String CHANGES_RECEIVED = "tributary.apiserver.changes.received";

  /** Changes dropped by the owner filter or {@code spec.filters}. */
  static final String CHANGES_FILTERED = "tributary.apiserver.changes.filtered";

  /** Times a list or a watch failed (e.g. forbidden), by resource. */
  static final String WATCH_FAILURES = "tributary.apiserver.watch.failures";

  /** Re-lists after a 410 Gone. */
  static final String RELISTS = "tributary.apiserver.relists";

  /** Times the delivery queue was full and a watch was paused (back-pressure). */
  static final String WATCH_PAUSES = "tributary.apiserver.watch.pauses";

  /** Changes waiting in the delivery queue. */
  static final String QUEUE_DEPTH = "tributary.apiserver.queue.depth";

  /** Failed checkpoint reads and writes. */
  static final String CHECKPOINT_FAILURES = "tributary.apiserver.checkpoint.failures";

  private final MeterRegistry registry;
  final Counter received;
  final Counter filtered;
  final Counter relists;
  final Counter pauses;
  final Counter checkpointFailures;

  ReceiveAdapterMetrics(MeterRegistry registry) {
    this.registry = registry;
    this.received = registry.counter(CHANGES_RECEIVED);
    this.filtered = registry.counter(CHANGES_FILTERED);
    this.relists = registry.counter(RELISTS);
    this.pauses = registry.counter(WATCH_PAUSES);
    this.checkpointFailures = registry.counter(CHECKPOINT_FAILURES);
  }

  void watchFailed(String resource) {
    registry.counter(WATCH_FAILURES, "resource", resource).increment();
  }

  void queueDepth(Supplier<Number> depth) {
    Gauge.builder(QUEUE_DEPTH, depth).strongReference(true).register(registry);
  }
}
