package dev.tributary.local.apiserver.errors;

import java.io.Serial;
import java.util.List;
import java.util.Objects;

/**
 * A request the API server answers with a failure {@code Status}: the HTTP code, Kubernetes'
 * reason, the message and the details. Thrown anywhere below the HTTP layer and rendered once, at
 * the edge, by {@link StatusObjects}. Build them with {@link ApiErrors}.
 */
public final class ApiException extends RuntimeException {

  @Serial private static final long serialVersionUID = 1L;

  /**
   * A failure Status's {@code details}.
   *
   * @param name the object's name, or empty
   * @param group the API group, or empty
   * @param kind the resource (plural) for NotFound/AlreadyExists/Conflict, the Kind for Invalid
   * @param causes the field errors, for Invalid
   */
  public record Details(String name, String group, String kind, List<FieldCause> causes) {
    public Details {
      Objects.requireNonNull(name, "name");
      Objects.requireNonNull(group, "group");
      Objects.requireNonNull(kind, "kind");
      causes = List.copyOf(causes);
    }

    /** No details at all. */
    public static final Details NONE = new Details("", "", "", List.of());

    boolean isEmpty() {
      return name.isEmpty() && group.isEmpty() && kind.isEmpty() && causes.isEmpty();
    }
  }

  private final int code;
  private final String reason;
  private final transient Details details;

  public ApiException(int code, String reason, String message, Details details) {
    super(message);
    this.code = code;
    this.reason = Objects.requireNonNull(reason, "reason");
    this.details = Objects.requireNonNull(details, "details");
  }

  /**
   * The failure a ready-made {@code Status} object stands for (e.g. one a library built with
   * Kubernetes' wording): its code, reason, message and details, causes included.
   */
  public static ApiException fromStatus(com.fasterxml.jackson.databind.JsonNode status) {
    com.fasterxml.jackson.databind.JsonNode details = status.path("details");
    List<FieldCause> causes = new java.util.ArrayList<>();
    for (com.fasterxml.jackson.databind.JsonNode cause : details.path("causes")) {
      causes.add(
          new FieldCause(
              cause.path("reason").asText(""),
              cause.path("field").asText(""),
              cause.path("message").asText("")));
    }
    return new ApiException(
        status.path("code").asInt(500),
        status.path("reason").asText(""),
        status.path("message").asText(""),
        new Details(
            details.path("name").asText(""),
            details.path("group").asText(""),
            details.path("kind").asText(""),
            causes));
  }

  /** The HTTP status code, also the Status's {@code code}. */
  public int code() {
    return code;
  }

  /** Kubernetes' StatusReason, e.g. {@code NotFound}; empty for a generic failure. */
  public String reason() {
    return reason;
  }

  public Details details() {
    return details;
  }
}
