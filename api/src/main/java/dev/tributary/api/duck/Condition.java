package dev.tributary.api.duck;

import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * One status condition, as knative.dev/pkg's {@code apis.Condition}.
 *
 * @param type e.g. {@code Ready}, {@code SinkProvided}
 * @param status {@code True}, {@code False} or {@code Unknown}
 * @param severity "" for conditions Ready depends on (Error), {@code Info} or {@code Warning} else
 * @param lastTransitionTime RFC 3339 UTC, seconds precision; changes only when the condition does
 * @param reason a CamelCase reason, may be empty
 * @param message a human-readable message, may be empty
 */
@JsonInclude(JsonInclude.Include.NON_EMPTY)
public record Condition(
    String type,
    String status,
    String severity,
    String lastTransitionTime,
    String reason,
    String message) {

  public static final String TRUE = "True";
  public static final String FALSE = "False";
  public static final String UNKNOWN = "Unknown";

  public Condition {
    severity = severity == null ? "" : severity;
    reason = reason == null ? "" : reason;
    message = message == null ? "" : message;
  }

  @JsonIgnore // a derived view, not a field of the condition
  public boolean isTrue() {
    return TRUE.equals(status);
  }

  @JsonIgnore // a derived view, not a field of the condition
  public boolean isFalse() {
    return FALSE.equals(status);
  }

  @JsonIgnore // a derived view, not a field of the condition
  public boolean isUnknown() {
    return UNKNOWN.equals(status);
  }

  /** The same condition stamped with another transition time. */
  Condition withLastTransitionTime(String time) {
    return new Condition(type, status, severity, time, reason, message);
  }
}
