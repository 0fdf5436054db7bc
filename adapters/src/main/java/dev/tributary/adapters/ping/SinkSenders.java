package dev.tributary.adapters.ping;

import dev.tributary.delivery.CeOverridesApplier;
import dev.tributary.delivery.DeliveryMetrics;
import dev.tributary.delivery.EventSender;
import dev.tributary.delivery.HttpEventSender;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpClientOptions;
import io.vertx.core.net.PemTrustOptions;
import java.util.HashMap;
import java.util.Map;

/**
 * The event senders of the adapter: one for sinks that need no extra trust, and one per distinct
 * {@code status.sinkCACerts} PEM bundle, whose HTTP client trusts those CAs (as upstream's adapter
 * client adds {@code sinkCACerts} to its trust roots for an https sink). Senders apply no
 * ceOverrides of their own: each source's are in its events. Thread-safe; {@link #close} closes
 * them all.
 */
final class SinkSenders implements AutoCloseable {

  private final Vertx vertx;
  private final DeliveryMetrics metrics;
  private final HttpEventSender plain;
  private final Map<String, HttpEventSender> byCaCerts = new HashMap<>(); // guarded by this

  SinkSenders(Vertx vertx, DeliveryMetrics metrics) {
    this.vertx = vertx;
    this.metrics = metrics;
    this.plain = new HttpEventSender(vertx, CeOverridesApplier.none(), metrics);
  }

  /** The sender without extra trust. */
  EventSender plain() {
    return plain;
  }

  /** The sender for a sink with {@code caCerts} (PEM; null or blank for none). */
  synchronized EventSender forCaCerts(String caCerts) {
    if (caCerts == null || caCerts.isBlank()) {
      return plain;
    }
    return byCaCerts.computeIfAbsent(
        caCerts,
        pem ->
            new HttpEventSender(
                vertx,
                CeOverridesApplier.none(),
                metrics,
                new HttpClientOptions()
                    .setTrustOptions(new PemTrustOptions().addCertValue(Buffer.buffer(pem))),
                HttpEventSender.DEFAULT_POOL_SIZE));
  }

  @Override
  public synchronized void close() {
    plain.close();
    byCaCerts.values().forEach(HttpEventSender::close);
    byCaCerts.clear();
  }
}
