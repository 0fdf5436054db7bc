package dev.tributary.api.duck;

import dev.tributary.api.validation.FieldError;

/**
 * Validates the part of a spec every source shares: {@code sink} (required), {@code ceOverrides}
 * and Tributary's {@code delivery}. Paths are relative to the spec.
 */
public final class SourceSpecValidation {
  private SourceSpecValidation() {}

  /** Errors of the shared fields of {@code spec}. */
  public static FieldError validate(SourceSpec spec) {
    if (spec == null) {
      return FieldError.missingField("spec");
    }
    FieldError sink =
        spec.sink() == null
            ? DestinationValidation.validate(new Destination(null, null, null, null))
            : DestinationValidation.validate(spec.sink());
    return sink.viaField("sink")
        .also(validateOverrides(spec.ceOverrides()).viaField("ceOverrides"))
        .also(DeliverySpecValidation.validate(spec.delivery()).viaField("delivery"));
  }

  /**
   * Extension names must be non-empty ASCII letters and digits (upper case passes, as upstream).
   */
  public static FieldError validateOverrides(CloudEventOverrides overrides) {
    if (overrides == null) {
      return FieldError.NONE;
    }
    for (String key : overrides.extensions().keySet()) {
      if (key.isEmpty()) {
        return FieldError.invalidKeyName(key, "", "keys MUST NOT be empty").viaField("extensions");
      }
      for (int i = 0; i < key.length(); i++) {
        char c = key.charAt(i);
        boolean alnum = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9');
        if (!alnum) {
          return FieldError.invalidKeyName(key, "", "keys are expected to be alphanumeric")
              .viaField("extensions");
        }
      }
    }
    return FieldError.NONE;
  }
}
