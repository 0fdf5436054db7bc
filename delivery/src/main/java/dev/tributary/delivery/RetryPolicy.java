package dev.tributary.delivery;

import java.time.Duration;
import java.util.Objects;
import java.util.function.IntPredicate;

/**
 * When and how often a failed delivery attempt is retried.
 *
 * <p>Total attempts = {@code retries + 1}. An attempt succeeds on any 2xx. Any other outcome is
 * retried when {@code retryableStatus} accepts its status code, where a transport error or a
 * timeout is tested as status {@code -1} (both predicates built here accept it).
 *
 * @param retries number of retries, ≥ 0
 * @param backoff growth of the wait before each retry; null means no wait
 * @param backoffDelay the base delay; null means no wait. The wait is non-zero only when both
 *     {@code backoff} and {@code backoffDelay} are set, as in Knative's dispatcher
 * @param timeout per attempt (connect, send, response and its body); null means none
 * @param retryableStatus which failure statuses are retried (-1 = transport error or timeout)
 */
public record RetryPolicy(
    int retries,
    BackoffPolicy backoff,
    Duration backoffDelay,
    Duration timeout,
    IntPredicate retryableStatus) {

  /** Status code standing for "no HTTP response": a transport error or a timeout. */
  public static final int NO_RESPONSE = -1;

  // The waits sdk-go's exponential strategy makes (period × 2^n, n = 1..) are delay × 2^i with
  // i = n - 1, i.e. EXPONENTIAL with delay = 2 × period.
  private static final Duration SOURCE_PERIOD = Duration.ofMillis(50);
  private static final int SOURCE_RETRIES = 5;
  private static final Duration HEARTBEATS_PERIOD = Duration.ofMillis(20);
  private static final int HEARTBEATS_RETRIES = 10;

  /** What a wait saturates at (what a millisecond timer can hold) rather than overflowing. */
  private static final Duration MAX_BACKOFF = Duration.ofMillis(Long.MAX_VALUE);

  public RetryPolicy {
    if (retries < 0) {
      throw new IllegalArgumentException("retries must be >= 0, got " + retries);
    }
    if (backoffDelay != null && backoffDelay.isNegative()) {
      throw new IllegalArgumentException("backoffDelay must be >= 0, got " + backoffDelay);
    }
    if (timeout != null && (timeout.isNegative() || timeout.isZero())) {
      throw new IllegalArgumentException("timeout must be > 0, got " + timeout);
    }
    Objects.requireNonNull(retryableStatus, "retryableStatus");
  }

  /**
   * Knative's source adapters (mtping, apiserver) with no DeliverySpec: sdk-go's exponential
   * strategy, period 50 ms, 5 retries (waits 100, 200, 400, 800, 1600 ms), retried only on 404,
   * 413, 425, 429, 502, 503, 504 and transport errors. No timeout.
   */
  public static RetryPolicy sourceDefault() {
    return sdkGoExponential(SOURCE_PERIOD, SOURCE_RETRIES);
  }

  /** The heartbeats sample: sdk-go exponential, period 20 ms, 10 retries (waits 40, 80, … ms). */
  public static RetryPolicy heartbeatsDefault() {
    return sdkGoExponential(HEARTBEATS_PERIOD, HEARTBEATS_RETRIES);
  }

  /** A single attempt, retried on nothing. */
  public static RetryPolicy none() {
    return new RetryPolicy(0, null, null, null, status -> false);
  }

  /**
   * Knative's DeliverySpec semantics ({@code pkg/kncloudevents/retries.go}): retried on transport
   * errors, 5xx, 404, 408, 409 and 429; back-to-back unless both {@code policy} and {@code delay}
   * are set. Parsing the ISO-8601 strings is the caller's job ({@link Duration#parse}).
   *
   * @param retry {@code spec.retry}; null means 0
   * @param policy {@code spec.backoffPolicy}; nullable
   * @param delay {@code spec.backoffDelay}; nullable
   * @param timeout {@code spec.timeout}; null or zero means none
   */
  public static RetryPolicy fromDeliverySpec(
      Integer retry, BackoffPolicy policy, Duration delay, Duration timeout) {
    Duration perAttempt = timeout == null || timeout.isZero() ? null : timeout;
    return new RetryPolicy(
        retry == null ? 0 : retry, policy, delay, perAttempt, RetryPolicy::isDeliverySpecRetryable);
  }

  /** This policy with another per-attempt timeout (null for none), e.g. from K_SINK_TIMEOUT. */
  public RetryPolicy withTimeout(Duration perAttempt) {
    return new RetryPolicy(retries, backoff, backoffDelay, perAttempt, retryableStatus);
  }

  /** The statuses sdk-go's HTTP protocol retries, plus {@link #NO_RESPONSE}. */
  public static boolean isSdkGoRetryable(int status) {
    return switch (status) {
      case NO_RESPONSE, 404, 413, 425, 429, 502, 503, 504 -> true;
      default -> false;
    };
  }

  /** Knative's {@code SelectiveRetry}: no response, 5xx, 404, 408, 409, 429. */
  public static boolean isDeliverySpecRetryable(int status) {
    return status == NO_RESPONSE
        || status >= 500
        || status == 404
        || status == 408
        || status == 409
        || status == 429;
  }

  /**
   * The wait before retry number {@code retryNumber} (1 for the first retry): {@code delay ×
   * 2^(retryNumber-1)} for exponential, {@code delay × (retryNumber-1)} for linear, zero unless
   * both {@code backoff} and {@code backoffDelay} are set. Saturates instead of overflowing.
   */
  public Duration backoffBeforeRetry(int retryNumber) {
    if (retryNumber < 1) {
      throw new IllegalArgumentException("retryNumber starts at 1, got " + retryNumber);
    }
    if (backoff == null || backoffDelay == null) {
      return Duration.ZERO;
    }
    int i = retryNumber - 1;
    Duration wait;
    try {
      wait =
          switch (backoff) {
            case LINEAR -> backoffDelay.multipliedBy(i);
            case EXPONENTIAL ->
                i >= Long.SIZE - 1 && !backoffDelay.isZero()
                    ? MAX_BACKOFF
                    : backoffDelay.multipliedBy(i >= Long.SIZE - 1 ? 0 : 1L << i);
          };
    } catch (ArithmeticException overflow) {
      return MAX_BACKOFF;
    }
    return wait.compareTo(MAX_BACKOFF) > 0 ? MAX_BACKOFF : wait;
  }

  private static RetryPolicy sdkGoExponential(Duration period, int retries) {
    return new RetryPolicy(
        retries,
        BackoffPolicy.EXPONENTIAL,
        period.multipliedBy(2),
        null,
        RetryPolicy::isSdkGoRetryable);
  }
}
