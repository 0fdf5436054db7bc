package dev.tributary.local.apiserver.schema;

import dev.tributary.api.validation.GoQuote;
import java.util.List;
import java.util.Objects;

/**
 * One field error, shaped as a Kubernetes {@code StatusCause}: {@code details.causes[]} of a 422
 * Invalid Status carries exactly these three strings.
 *
 * @param field the field path, e.g. {@code spec.resources[0].apiVersion}; {@code <nil>} when the
 *     error names no field (as Kubernetes prints a nil path)
 * @param reason the cause type, one of the {@code FIELD_VALUE_*} constants
 * @param message the error body without the field, e.g. {@code Required value} or {@code Invalid
 *     value: "x": spec.x in body must be of type integer: "string"}
 */
public record FieldCause(String field, String reason, String message) {

  /** The field is required but absent. */
  public static final String FIELD_VALUE_REQUIRED = "FieldValueRequired";

  /** The value is not valid. */
  public static final String FIELD_VALUE_INVALID = "FieldValueInvalid";

  /** The value has the wrong type (printed as "Invalid value" like {@code FieldValueInvalid}). */
  public static final String FIELD_VALUE_TYPE_INVALID = "FieldValueTypeInvalid";

  /** The value is not one of an enumeration. */
  public static final String FIELD_VALUE_NOT_SUPPORTED = "FieldValueNotSupported";

  /** The field may not be set (here). */
  public static final String FIELD_VALUE_FORBIDDEN = "FieldValueForbidden";

  /** A string is too long. */
  public static final String FIELD_VALUE_TOO_LONG = "FieldValueTooLong";

  /** A list or map has too many entries. */
  public static final String FIELD_VALUE_TOO_MANY = "FieldValueTooMany";

  /** A list entry repeats another one that must be unique. */
  public static final String FIELD_VALUE_DUPLICATE = "FieldValueDuplicate";

  public FieldCause {
    Objects.requireNonNull(field, "field");
    Objects.requireNonNull(reason, "reason");
    Objects.requireNonNull(message, "message");
  }

  /** {@code <field>: Required value[: <detail>]}. */
  public static FieldCause required(String field, String detail) {
    return new FieldCause(field, FIELD_VALUE_REQUIRED, withDetail("Required value", detail));
  }

  /**
   * {@code <field>: Invalid value: <value>[: <detail>]}; the value is a JSON node, a string, a
   * number or null and is printed the way Kubernetes prints it.
   */
  public static FieldCause invalid(String field, Object value, String detail) {
    return new FieldCause(
        field,
        FIELD_VALUE_INVALID,
        withDetail("Invalid value: " + GoValues.errorValue(value), detail));
  }

  /** Like {@link #invalid} but with reason {@code FieldValueTypeInvalid}. */
  public static FieldCause typeInvalid(String field, Object value, String detail) {
    return new FieldCause(
        field,
        FIELD_VALUE_TYPE_INVALID,
        withDetail("Invalid value: " + GoValues.errorValue(value), detail));
  }

  /** {@code <field>: Unsupported value: <value>: supported values: "a", "b"}. */
  public static FieldCause notSupported(String field, Object value, List<String> supported) {
    String detail = "";
    if (!supported.isEmpty()) {
      detail =
          "supported values: " + String.join(", ", supported.stream().map(GoQuote::quote).toList());
    }
    return new FieldCause(
        field,
        FIELD_VALUE_NOT_SUPPORTED,
        withDetail("Unsupported value: " + GoValues.errorValue(value), detail));
  }

  /** {@code <field>: Forbidden: <detail>}. */
  public static FieldCause forbidden(String field, String detail) {
    return new FieldCause(field, FIELD_VALUE_FORBIDDEN, withDetail("Forbidden", detail));
  }

  /** {@code <field>: Too long: may not be more than <max> bytes} (Kubernetes 1.32's wording). */
  public static FieldCause tooLong(String field, long maxLength) {
    String detail =
        maxLength >= 0 ? "may not be more than " + maxLength + " bytes" : "value is too long";
    return new FieldCause(field, FIELD_VALUE_TOO_LONG, withDetail("Too long", detail));
  }

  /** {@code <field>: Too many: <actual>: must have at most <max> items}. */
  public static FieldCause tooMany(String field, long actual, long max) {
    String detail = max >= 0 ? "must have at most " + max + " items" : "has too many items";
    String body = actual >= 0 ? "Too many: " + actual : "Too many";
    return new FieldCause(field, FIELD_VALUE_TOO_MANY, withDetail(body, detail));
  }

  /** {@code <field>: Duplicate value: <value>}. */
  public static FieldCause duplicate(String field, Object value) {
    return new FieldCause(
        field, FIELD_VALUE_DUPLICATE, "Duplicate value: " + GoValues.errorValue(value));
  }

  /** The error as Kubernetes prints it: {@code <field>: <message>}. */
  public String error() {
    return field + ": " + message;
  }

  private static String withDetail(String body, String detail) {
    return detail == null || detail.isEmpty() ? body : body + ": " + detail;
  }
}
