package dev.tributary.local.apiserver.rbac;

import dev.tributary.api.validation.GoQuote;
import java.util.List;
import java.util.Objects;
import java.util.stream.Collectors;

/**
 * One field error of an invalid object: an entry of a 422 Status's {@code details.causes}.
 *
 * @param field the path of the offending field, e.g. {@code subjects[0].namespace}
 * @param reason {@code FieldValueRequired}, {@code FieldValueNotSupported} or {@code
 *     FieldValueInvalid}
 * @param message the error without the field, as kube-apiserver words it, e.g. {@code Required
 *     value} or {@code Unsupported value: "Robot": supported values: "ServiceAccount", "User",
 *     "Group"}
 */
public record FieldCause(String field, String reason, String message) {

  public static final String REQUIRED = "FieldValueRequired";
  public static final String NOT_SUPPORTED = "FieldValueNotSupported";
  public static final String INVALID = "FieldValueInvalid";

  public FieldCause {
    Objects.requireNonNull(field, "field");
    Objects.requireNonNull(reason, "reason");
    Objects.requireNonNull(message, "message");
  }

  /** {@code Required value}, followed by {@code : detail} when there is one. */
  public static FieldCause required(String field, String detail) {
    return new FieldCause(field, REQUIRED, withDetail("Required value", detail));
  }

  /** {@code Unsupported value: "v": supported values: "a", "b"}. */
  public static FieldCause notSupported(String field, String value, List<String> supported) {
    String detail =
        supported.isEmpty()
            ? ""
            : "supported values: "
                + supported.stream().map(GoQuote::quote).collect(Collectors.joining(", "));
    return new FieldCause(
        field, NOT_SUPPORTED, withDetail("Unsupported value: " + GoQuote.quote(value), detail));
  }

  /** {@code Invalid value: "v": detail} for a string value. */
  public static FieldCause invalid(String field, String value, String detail) {
    return invalidRendered(field, GoQuote.quote(value), detail);
  }

  /**
   * {@code Invalid value: <rendered>: detail}, for a value that is not a string and that the caller
   * renders as kube-apiserver would ({@code []string{"/x"}}, {@code rbac.RoleRef{...}}).
   */
  public static FieldCause invalidRendered(String field, String renderedValue, String detail) {
    return new FieldCause(field, INVALID, withDetail("Invalid value: " + renderedValue, detail));
  }

  /** The error as one line: {@code field: message}. */
  public String error() {
    return field + ": " + message;
  }

  private static String withDetail(String body, String detail) {
    return detail.isEmpty() ? body : body + ": " + detail;
  }
}
