package dev.tributary.api.duck;

/**
 * The part every source's spec shares (knative.dev/pkg's {@code duckv1.SourceSpec}, inlined into
 * each kind's spec record), plus Tributary's optional {@code delivery}.
 */
public interface SourceSpec {
  /** Where events go; validation requires it. */
  Destination sink();

  /** Extensions added to every event, or null. */
  CloudEventOverrides ceOverrides();

  /**
   * Tributary's extension beyond Knative: retries, backoff, timeout and dead-letter sink for this
   * source's deliveries; null means the sources' default policy (Knative's fixed retries).
   */
  DeliverySpec delivery();
}
