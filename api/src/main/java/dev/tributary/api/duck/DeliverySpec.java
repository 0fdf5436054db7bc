package dev.tributary.api.duck;

import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * Knative Eventing's {@code DeliverySpec} (duck v1). Strings are kept as written so validation can
 * report a bad value with its path; {@link dev.tributary.api.duck.DeliverySpecValidation} checks
 * them.
 *
 * @param deadLetterSink where an event goes once every retry failed
 * @param retry the number of retries after the first attempt (total attempts = retry + 1)
 * @param timeout ISO-8601 duration, per attempt
 * @param backoffPolicy {@code linear} or {@code exponential}
 * @param backoffDelay ISO-8601 duration, the base delay
 * @param retryAfterMax ISO-8601 duration; disallowed (upstream's delivery-retryafter feature is
 *     off)
 * @param format {@code json} (structured) or {@code binary}
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record DeliverySpec(
    Destination deadLetterSink,
    Integer retry,
    String timeout,
    String backoffPolicy,
    String backoffDelay,
    String retryAfterMax,
    String format) {

  public static final String BACKOFF_LINEAR = "linear";
  public static final String BACKOFF_EXPONENTIAL = "exponential";
  public static final String FORMAT_JSON = "json";
  public static final String FORMAT_BINARY = "binary";
}
