package dev.tributary.adapters.ping;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;

/**
 * The multi-tenant ping adapter's own metrics (deliveries are counted by the delivery module's
 * {@link dev.tributary.delivery.DeliveryMetrics}). Names are Micrometer's dotted form; Prometheus
 * shows them with underscores.
 */
final class MtPingMetrics {

  /** Gauge: PingSources this replica schedules now (those of the buckets it leads). */
  static final String SOURCES_SCHEDULED = "tributary.ping.sources.scheduled";

  /** Gauge: buckets (Leases) this replica leads now. */
  static final String BUCKETS_LEADING = "tributary.ping.buckets.leading";

  /** Gauge: ticks handed off whose send has not ended. */
  static final String SENDS_IN_FLIGHT = "tributary.ping.sends.inflight";

  private MtPingMetrics() {}

  /** Registers the gauges of {@code adapter} in {@code registry}. */
  static void register(MeterRegistry registry, MtPingAdapter adapter) {
    Gauge.builder(SOURCES_SCHEDULED, adapter, a -> a.ticker().scheduledCount())
        .description("PingSources scheduled by this replica")
        .register(registry);
    Gauge.builder(BUCKETS_LEADING, adapter, a -> a.leadingBuckets().size())
        .description("Buckets this replica leads")
        .register(registry);
    Gauge.builder(SENDS_IN_FLIGHT, adapter, a -> a.ticker().inFlight())
        .description("Ping events waiting out their spread or being sent")
        .register(registry);
  }
}
