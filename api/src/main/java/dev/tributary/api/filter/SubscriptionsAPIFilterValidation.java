package dev.tributary.api.filter;

import dev.tributary.api.validation.FieldError;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * Validates {@link SubscriptionsAPIFilter}s with the rules of Knative Eventing's {@code
 * eventingv1.ValidateSubscriptionAPIFiltersList} / {@code ValidateSubscriptionAPIFilter}, and
 * upstream's messages:
 *
 * <ul>
 *   <li>at most one dialect per filter, else {@code "multiple dialects found, filters can have only
 *       one dialect set"} (an error with no path, as upstream);
 *   <li>{@code exact}/{@code prefix}/{@code suffix} attribute names match {@code ^[a-z][a-z0-9]*$},
 *       else {@code invalid key name "NAME"} at {@code exact[NAME]} with upstream's details;
 *   <li>{@code all}, {@code any} and {@code not} are validated recursively.
 * </ul>
 *
 * <p>Two deliberate differences from upstream:
 *
 * <ul>
 *   <li><b>Empty values are rejected</b> ({@code "invalid arguments, attribute and value can't be
 *       empty"} at {@code exact[NAME]}; {@code prefix}/{@code suffix} say so). Upstream accepts
 *       them at admission, then fails to build that filter at runtime (with this same text) and
 *       silently skips it, so the event passes; rejecting early is the honest version.
 *   <li><b>{@code cesql} is rejected</b> ("cesql filters are not supported"): Tributary does not
 *       evaluate CloudEvents SQL yet. Upstream parses the expression here and evaluates it at
 *       runtime.
 * </ul>
 *
 * <p>Upstream quirk kept on purpose: a list's errors are re-prefixed with each later index ({@code
 * errs = errs.Also(validate(f)).ViaIndex(i)} in Go), so in a list of three filters an error in the
 * first one is reported at {@code [2][1][0]}, in the second at {@code [2][1]}, and only the last
 * one's path is what one would expect. Paths therefore match what Knative prints byte for byte.
 *
 * <p>Pure and thread-safe.
 */
public final class SubscriptionsAPIFilterValidation {
  private static final Pattern ATTRIBUTE_NAME = Pattern.compile("^[a-z][a-z0-9]*$");
  private static final String ATTRIBUTE_NAME_DETAILS =
      "Attribute name must start with a letter and can only contain lowercase alphanumeric";

  private SubscriptionsAPIFilterValidation() {}

  /**
   * Errors of a list of filters, with paths relative to the list ({@code [0].exact[x]}); the caller
   * prefixes the field name ({@code filters}).
   */
  public static FieldError validateList(List<SubscriptionsAPIFilter> filters) {
    FieldError errs = FieldError.NONE;
    if (filters == null) {
      return errs;
    }
    for (int i = 0; i < filters.size(); i++) {
      // Upstream's quirk: the index is applied to everything collected so far, not just to this
      // element's errors (see the class comment).
      errs = errs.also(validate(filters.get(i))).viaIndex(i);
    }
    return errs;
  }

  /** Errors of one filter, with paths relative to it ({@code exact[x]}, {@code all[0]...}). */
  public static FieldError validate(SubscriptionsAPIFilter filter) {
    if (filter == null) {
      return FieldError.NONE;
    }
    return validateOneOf(filter)
        .also(validateAttributes(filter.exact(), "value").viaField("exact"))
        .also(validateAttributes(filter.prefix(), "prefix").viaField("prefix"))
        .also(validateAttributes(filter.suffix(), "suffix").viaField("suffix"))
        .also(validateList(filter.all()).viaField("all"))
        .also(validateList(filter.any()).viaField("any"))
        .also(validate(filter.not()).viaField("not"))
        .also(validateCesql(filter.cesql()).viaField("cesql"));
  }

  private static FieldError validateOneOf(SubscriptionsAPIFilter filter) {
    int dialects = 0;
    dialects += filter.exact().isEmpty() ? 0 : 1;
    dialects += filter.prefix().isEmpty() ? 0 : 1;
    dialects += filter.suffix().isEmpty() ? 0 : 1;
    dialects += filter.all().isEmpty() ? 0 : 1;
    dialects += filter.any().isEmpty() ? 0 : 1;
    dialects += filter.not() == null ? 0 : 1;
    dialects += filter.cesql().isEmpty() ? 0 : 1;
    return dialects > 1
        ? FieldError.generic("multiple dialects found, filters can have only one dialect set")
        : FieldError.NONE;
  }

  private static FieldError validateAttributes(Map<String, String> attributes, String what) {
    FieldError errs = FieldError.NONE;
    for (Map.Entry<String, String> e : attributes.entrySet()) {
      String name = e.getKey();
      if (!ATTRIBUTE_NAME.matcher(name).matches()) {
        errs = errs.also(FieldError.invalidKeyName(name, "", ATTRIBUTE_NAME_DETAILS).viaKey(name));
      }
      if (e.getValue() == null || e.getValue().isEmpty()) {
        // Tributary's addition: upstream's runtime text, reported at admission instead.
        errs =
            errs.also(
                FieldError.generic(
                        "invalid arguments, attribute and " + what + " can't be empty", "")
                    .viaKey(name));
      }
    }
    return errs;
  }

  private static FieldError validateCesql(String expression) {
    if (expression.isEmpty()) {
      return FieldError.NONE;
    }
    return FieldError.of(
        "cesql filters are not supported",
        "Tributary does not evaluate CloudEvents SQL expressions yet;"
            + " use exact, prefix, suffix, all, any or not",
        List.of(""));
  }
}
