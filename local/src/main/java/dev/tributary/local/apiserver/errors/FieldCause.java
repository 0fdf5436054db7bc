package dev.tributary.local.apiserver.errors;

import dev.tributary.api.validation.GoQuote;
import java.util.Objects;

/**
 * One field error of a 422 Invalid answer, as a {@code Status}'s {@code details.causes[]} entry.
 *
 * @param reason Kubernetes' cause type, e.g. {@code FieldValueInvalid}, {@code FieldValueRequired}
 * @param field the field path, e.g. {@code metadata.name} or {@code spec.subjects[0].namespace}
 * @param message what is wrong, starting with the type's wording: {@code Invalid value: "Foo": ...}
 */
public record FieldCause(String reason, String field, String message) {

  public FieldCause {
    Objects.requireNonNull(reason, "reason");
    Objects.requireNonNull(field, "field");
    Objects.requireNonNull(message, "message");
  }

  /** {@code field: Invalid value: VALUE: detail}; strings are quoted as Go's %q does. */
  public static FieldCause invalid(String field, Object value, String detail) {
    return new FieldCause(
        "FieldValueInvalid", field, "Invalid value: " + goValue(value) + ": " + detail);
  }

  /** {@code field: Required value[: detail]}. */
  public static FieldCause required(String field, String detail) {
    return new FieldCause(
        "FieldValueRequired",
        field,
        detail == null || detail.isEmpty() ? "Required value" : "Required value: " + detail);
  }

  /** {@code field: Forbidden: detail}. */
  public static FieldCause forbidden(String field, String detail) {
    return new FieldCause("FieldValueForbidden", field, "Forbidden: " + detail);
  }

  /** {@code field: Unsupported value: VALUE[: supported values: ...]}. */
  public static FieldCause notSupported(String field, Object value, java.util.List<String> valid) {
    StringBuilder message = new StringBuilder("Unsupported value: ").append(goValue(value));
    if (!valid.isEmpty()) {
      message.append(": supported values: ");
      for (int i = 0; i < valid.size(); i++) {
        message.append(i == 0 ? "" : ", ").append(GoQuote.quote(valid.get(i)));
      }
    }
    return new FieldCause("FieldValueNotSupported", field, message.toString());
  }

  /** {@code field: Duplicate value: VALUE}. */
  public static FieldCause duplicate(String field, Object value) {
    return new FieldCause("FieldValueDuplicate", field, "Duplicate value: " + goValue(value));
  }

  /** The cause as Kubernetes prints it inside an aggregate message: {@code field: message}. */
  public String text() {
    return field.isEmpty() ? message : field + ": " + message;
  }

  private static String goValue(Object value) {
    if (value instanceof String s) {
      return GoQuote.quote(s);
    }
    return String.valueOf(value);
  }
}
