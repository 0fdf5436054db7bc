package dev.tributary.delivery;

import java.net.URI;
import java.util.Map;
import java.util.Objects;

/**
 * Where and how to deliver an event.
 *
 * @param sink the destination URL (http or https)
 * @param retry retries, backoff and per-attempt timeout; also used for the dead letter sink
 * @param deadLetterSink where the original event goes after the final failure; null for none
 *     (Knative's sources have none)
 * @param encoding {@link Encoding#BINARY} unless the target asks for structured
 * @param headers extra request headers sent to the sink and to the dead letter sink, e.g. {@code
 *     Kn-Namespace}; never null (empty when absent)
 */
public record DeliveryTarget(
    URI sink,
    RetryPolicy retry,
    URI deadLetterSink,
    Encoding encoding,
    Map<String, String> headers) {

  public DeliveryTarget {
    Objects.requireNonNull(sink, "sink");
    Objects.requireNonNull(retry, "retry");
    encoding = encoding == null ? Encoding.BINARY : encoding;
    headers = headers == null ? Map.of() : Map.copyOf(headers);
  }

  /** A binary-mode target with no dead letter sink and no extra headers. */
  public static DeliveryTarget of(URI sink, RetryPolicy retry) {
    return new DeliveryTarget(sink, retry, null, Encoding.BINARY, Map.of());
  }
}
