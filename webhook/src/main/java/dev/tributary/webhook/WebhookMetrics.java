package dev.tributary.webhook;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import java.util.Objects;

/**
 * The catalogue of webhook metrics. Names use Micrometer's dotted form; a Prometheus registry
 * renders {@code tributary.webhook.requests} as {@code tributary_webhook_requests_total}. The tags
 * follow knative.dev/pkg's webhook metrics ({@code kind}, {@code operation}, {@code status}).
 * Thread-safe; meters are registered on first use.
 */
public final class WebhookMetrics {

  /** Counter: reviews answered, by path, kind, operation and status. */
  public static final String REQUESTS = "tributary.webhook.requests";

  /** Counter: requests refused before reaching a step, by HTTP status. */
  public static final String REJECTED = "tributary.webhook.requests.rejected";

  /** Tag value of {@code status}: the request was allowed (or the conversion succeeded). */
  public static final String SUCCESS = "success";

  /** Tag value of {@code status}: the request was denied (or the conversion failed). */
  public static final String FAILURE = "failure";

  private final MeterRegistry registry;

  public WebhookMetrics(MeterRegistry registry) {
    this.registry = Objects.requireNonNull(registry, "registry");
  }

  /** Counts one answered review. */
  public void answered(String path, String kind, String operation, boolean success) {
    Counter.builder(REQUESTS)
        .description("Admission and conversion reviews answered")
        .tag("path", path)
        .tag("kind", kind == null ? "" : kind)
        .tag("operation", operation == null ? "" : operation)
        .tag("status", success ? SUCCESS : FAILURE)
        .register(registry)
        .increment();
  }

  /** Counts one request refused with HTTP {@code status}. */
  public void rejected(int status) {
    Counter.builder(REJECTED)
        .description("Requests refused before reaching a webhook step")
        .tag("response_code", Integer.toString(status))
        .register(registry)
        .increment();
  }
}
