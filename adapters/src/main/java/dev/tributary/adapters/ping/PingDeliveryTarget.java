package dev.tributary.adapters.ping;

import dev.tributary.api.duck.DeliverySpec;
import dev.tributary.api.duck.Destination;
import dev.tributary.api.sources.ping.PingSource;
import dev.tributary.api.time.IsoDuration;
import dev.tributary.delivery.BackoffPolicy;
import dev.tributary.delivery.DeliveryTarget;
import dev.tributary.delivery.Encoding;
import dev.tributary.delivery.RetryPolicy;
import java.net.URI;
import java.net.URISyntaxException;
import java.time.Duration;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Where and how a PingSource's events are delivered.
 *
 * <ul>
 *   <li>Every request carries {@code Kn-Namespace: <source namespace>}, as upstream's adapter
 *       client adds it.
 *   <li>Without {@code spec.delivery}: Knative's fixed source policy, {@link
 *       RetryPolicy#sourceDefault()}, binary mode, no dead letter sink.
 *   <li>With {@code spec.delivery} (a Tributary addition): Knative's DeliverySpec semantics through
 *       {@link RetryPolicy#fromDeliverySpec} ({@code retry}, {@code backoffPolicy}, {@code
 *       backoffDelay}, {@code timeout}); {@code format: json} sends structured. A {@code
 *       deadLetterSink} is used only when it is a plain absolute {@code uri}: one with a {@code
 *       ref} needs resolving against the cluster, which the Kubernetes-facing adapter will do;
 *       until then it is ignored, with a log line.
 * </ul>
 *
 * <p>Stateless and thread-safe.
 */
public final class PingDeliveryTarget {

  /** The header naming the source's namespace on every request. */
  public static final String KN_NAMESPACE_HEADER = "Kn-Namespace";

  private static final Logger LOG = LoggerFactory.getLogger(PingDeliveryTarget.class);

  private PingDeliveryTarget() {}

  /**
   * The target for {@code source}'s events sent to {@code sink}.
   *
   * @throws InvalidPingSourceException when {@code spec.delivery} has a value validation would have
   *     refused (never for a validated source)
   */
  public static DeliveryTarget of(PingSource source, URI sink) throws InvalidPingSourceException {
    return of(source, sink, null);
  }

  /**
   * The target for {@code source}'s events sent to {@code sink}, each attempt limited to {@code
   * sinkTimeout} (the adapter's {@code K_SINK_TIMEOUT}) unless {@code spec.delivery.timeout} sets
   * its own.
   *
   * @param sinkTimeout null or non-positive for none
   * @throws InvalidPingSourceException as {@link #of(PingSource, URI)}
   */
  public static DeliveryTarget of(PingSource source, URI sink, Duration sinkTimeout)
      throws InvalidPingSourceException {
    DeliveryTarget target = withoutSinkTimeout(source, sink);
    if (sinkTimeout == null
        || sinkTimeout.isZero()
        || sinkTimeout.isNegative()
        || target.retry().timeout() != null) {
      return target;
    }
    return new DeliveryTarget(
        target.sink(),
        target.retry().withTimeout(sinkTimeout),
        target.deadLetterSink(),
        target.encoding(),
        target.headers());
  }

  private static DeliveryTarget withoutSinkTimeout(PingSource source, URI sink)
      throws InvalidPingSourceException {
    String namespace = source.getMetadata().getNamespace();
    String key = namespace + "/" + source.getMetadata().getName();
    Map<String, String> headers = Map.of(KN_NAMESPACE_HEADER, namespace);
    DeliverySpec delivery = source.getSpec() == null ? null : source.getSpec().delivery();
    if (delivery == null) {
      return new DeliveryTarget(sink, RetryPolicy.sourceDefault(), null, Encoding.BINARY, headers);
    }
    return new DeliveryTarget(
        sink,
        retryPolicy(key, delivery),
        deadLetterSink(key, delivery.deadLetterSink()),
        encoding(key, delivery.format()),
        headers);
  }

  private static RetryPolicy retryPolicy(String key, DeliverySpec delivery)
      throws InvalidPingSourceException {
    BackoffPolicy backoff = backoffPolicy(key, delivery.backoffPolicy());
    Duration delay = duration(key, "backoffDelay", delivery.backoffDelay());
    Duration timeout = duration(key, "timeout", delivery.timeout());
    try {
      return RetryPolicy.fromDeliverySpec(delivery.retry(), backoff, delay, timeout);
    } catch (IllegalArgumentException e) {
      throw new InvalidPingSourceException(key, "spec.delivery: " + e.getMessage(), e);
    }
  }

  private static BackoffPolicy backoffPolicy(String key, String policy)
      throws InvalidPingSourceException {
    if (policy == null) {
      return null;
    }
    return switch (policy) {
      case DeliverySpec.BACKOFF_LINEAR -> BackoffPolicy.LINEAR;
      case DeliverySpec.BACKOFF_EXPONENTIAL -> BackoffPolicy.EXPONENTIAL;
      default ->
          throw new InvalidPingSourceException(
              key, "spec.delivery.backoffPolicy: unknown policy \"" + policy + "\"", null);
    };
  }

  private static Duration duration(String key, String field, String iso)
      throws InvalidPingSourceException {
    if (iso == null) {
      return null;
    }
    try {
      return IsoDuration.parse(iso);
    } catch (IllegalArgumentException | ArithmeticException e) {
      throw new InvalidPingSourceException(
          key, "spec.delivery." + field + ": " + e.getMessage(), e);
    }
  }

  private static URI deadLetterSink(String key, Destination dls) throws InvalidPingSourceException {
    if (dls == null) {
      return null;
    }
    if (dls.ref() != null) {
      LOG.warn(
          "deadLetterSink with a ref is not resolved yet, events are sent without one key={}", key);
      return null;
    }
    String uri = dls.uri();
    if (uri == null || uri.isEmpty()) {
      return null;
    }
    try {
      URI parsed = new URI(uri);
      if (!parsed.isAbsolute()) {
        throw new InvalidPingSourceException(
            key, "spec.delivery.deadLetterSink.uri: not an absolute URI: " + uri, null);
      }
      return parsed;
    } catch (URISyntaxException e) {
      throw new InvalidPingSourceException(
          key, "spec.delivery.deadLetterSink.uri: " + e.getMessage(), e);
    }
  }

  private static Encoding encoding(String key, String format) throws InvalidPingSourceException {
    if (format == null || format.equals(DeliverySpec.FORMAT_BINARY)) {
      return Encoding.BINARY;
    }
    if (format.equals(DeliverySpec.FORMAT_JSON)) {
      return Encoding.STRUCTURED;
    }
    throw new InvalidPingSourceException(
        key, "spec.delivery.format: unknown format \"" + format + "\"", null);
  }
}
