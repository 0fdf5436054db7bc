package dev.tributary.api.duck;

import dev.tributary.api.time.IsoDuration;
import dev.tributary.api.validation.FieldError;
import java.time.Duration;

/**
 * Validates a {@link DeliverySpec} as Knative Eventing does with its default features: {@code
 * timeout} allowed (delivery-timeout on), {@code retryAfterMax} disallowed (delivery-retryafter
 * off). Paths are relative to the DeliverySpec.
 */
public final class DeliverySpecValidation {
  private DeliverySpecValidation() {}

  /** Errors of {@code spec}; none when it is null. */
  public static FieldError validate(DeliverySpec spec) {
    if (spec == null) {
      return FieldError.NONE;
    }
    FieldError errs = FieldError.NONE;
    if (spec.deadLetterSink() != null) {
      errs = DestinationValidation.validate(spec.deadLetterSink()).viaField("deadLetterSink");
    }
    if (spec.retry() != null && spec.retry() < 0) {
      errs = errs.also(FieldError.invalidValue(spec.retry(), "retry"));
    }
    if (spec.timeout() != null) {
      Duration timeout = parse(spec.timeout());
      if (timeout == null || timeout.isZero()) {
        errs = errs.also(FieldError.invalidValue(spec.timeout(), "timeout"));
      }
    }
    if (spec.backoffPolicy() != null
        && !spec.backoffPolicy().equals(DeliverySpec.BACKOFF_LINEAR)
        && !spec.backoffPolicy().equals(DeliverySpec.BACKOFF_EXPONENTIAL)) {
      errs = errs.also(FieldError.invalidValue(spec.backoffPolicy(), "backoffPolicy"));
    }
    if (spec.backoffDelay() != null && parse(spec.backoffDelay()) == null) {
      errs = errs.also(FieldError.invalidValue(spec.backoffDelay(), "backoffDelay"));
    }
    if (spec.format() != null
        && !spec.format().equals(DeliverySpec.FORMAT_JSON)
        && !spec.format().equals(DeliverySpec.FORMAT_BINARY)) {
      errs = errs.also(FieldError.invalidValue(spec.format(), "format"));
    }
    if (spec.retryAfterMax() != null) {
      errs = errs.also(FieldError.disallowedFields("retryAfterMax"));
    }
    return errs;
  }

  private static Duration parse(String iso) {
    try {
      return IsoDuration.parse(iso);
    } catch (IllegalArgumentException e) {
      return null;
    }
  }
}
