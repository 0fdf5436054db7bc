package dev.tributary.delivery;

/**
 * How the wait before a retry grows, as Knative's {@code DeliverySpec.backoffPolicy} ({@code
 * linear} | {@code exponential}). See {@link RetryPolicy#backoffBeforeRetry(int)} for the exact
 * shapes.
 */
public enum BackoffPolicy {
  /** {@code delay × i}, where i counts retries from 0: the first retry is immediate. */
  LINEAR,
  /** {@code delay × 2^i}, where i counts retries from 0: delay, 2·delay, 4·delay, … (no cap). */
  EXPONENTIAL
}
