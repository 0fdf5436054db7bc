package dev.tributary.local.apiserver.validation;

import dev.tributary.api.k8s.ContentValidation;
import dev.tributary.local.apiserver.errors.FieldCause;
import java.util.List;

/**
 * Field causes {@link FieldCause} has no factory for, with apimachinery's wording, and the string
 * checks shared by the validators. Stateless.
 */
final class Causes {

  /** apimachinery's {@code FieldImmutableErrorMsg}. */
  static final String IMMUTABLE = "field is immutable";

  /** apimachinery's {@code IsNegativeErrorMsg}. */
  static final String NEGATIVE = "must be greater than or equal to 0";

  private Causes() {}

  /** {@code field: Not found: "value"}. */
  static FieldCause notFound(String field, String value) {
    return new FieldCause(
        "FieldValueNotFound", field, "Not found: " + GoValue.quoted(value).text());
  }

  /** {@code field: Too long: must have at most N bytes}. */
  static FieldCause tooLong(String field, long max) {
    return new FieldCause(
        "FieldValueTooLong", field, "Too long: must have at most " + max + " bytes");
  }

  /** {@code ValidateNonnegativeField}: adds a cause when {@code value} is negative. */
  static void nonNegative(Long value, String field, List<FieldCause> out) {
    if (value != null && value < 0) {
      out.add(FieldCause.invalid(field, value, NEGATIVE));
    }
  }

  /** {@code ValidateDNS1123Label}: one cause per problem of {@code value}. */
  static void dns1123Label(String value, String field, List<FieldCause> out) {
    ContentValidation.isDns1123Label(value)
        .forEach(m -> out.add(FieldCause.invalid(field, value, m)));
  }

  /** apimachinery's {@code RegexError}. */
  static String regexError(String message, String regex, String... examples) {
    StringBuilder b = new StringBuilder(message);
    if (examples.length == 0) {
      return b.append(" (regex used for validation is '").append(regex).append("')").toString();
    }
    b.append(" (e.g. ");
    for (int i = 0; i < examples.length; i++) {
      b.append(i > 0 ? " or " : "").append('\'').append(examples[i]).append("', ");
    }
    return b.append("regex used for validation is '").append(regex).append("')").toString();
  }
}
