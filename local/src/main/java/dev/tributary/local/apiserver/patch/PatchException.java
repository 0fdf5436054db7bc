package dev.tributary.local.apiserver.patch;

import java.io.Serial;
import java.util.List;
import java.util.stream.Collectors;

/**
 * A PATCH that cannot be applied, with what kube-apiserver answers for it: the HTTP status, the
 * Status {@code reason} and a one-line Status {@code message}. {@link #detail()} says what exactly
 * went wrong; it equals the message except where kube-apiserver hides the cause behind a generic
 * message (a failed JSON-patch operation answers 422 "the server rejected our request due to an
 * error in our request" and nothing else), so the server can log or surface it as it sees fit.
 */
public final class PatchException extends Exception {

  @Serial private static final long serialVersionUID = 1L;

  /**
   * The message kube-apiserver's {@code NewGenericServerResponse} gives every 422 it builds from a
   * patch-library error; the library's own text is dropped.
   */
  public static final String GENERIC_UNPROCESSABLE =
      "the server rejected our request due to an error in our request";

  private final int status;
  private final String reason;
  private final String detail;

  private PatchException(int status, String reason, String message, String detail) {
    super(oneLine(message));
    this.status = status;
    this.reason = reason;
    this.detail = oneLine(detail);
  }

  /** 400 BadRequest: the body is not a well-formed patch of its type. */
  public static PatchException badRequest(String message) {
    return new PatchException(400, "BadRequest", message, message);
  }

  /**
   * 422 Invalid with kube-apiserver's generic message: the patch is well formed but cannot be
   * applied to this object (a failed {@code test}, a missing path, a list of lists).
   */
  public static PatchException unprocessable(String detail) {
    return new PatchException(422, "Invalid", GENERIC_UNPROCESSABLE, detail);
  }

  /** 422 Invalid with a specific message, e.g. a patch result that is not a JSON object. */
  public static PatchException invalid(String message) {
    return new PatchException(422, "Invalid", message, message);
  }

  /** 413 RequestEntityTooLarge: more JSON-patch operations than kube-apiserver accepts. */
  public static PatchException tooLarge(String message) {
    String full = "Request entity too large: " + message;
    return new PatchException(413, "RequestEntityTooLarge", full, full);
  }

  /**
   * 415 UnsupportedMediaType with kube-apiserver's message listing what this resource accepts, e.g.
   * a strategic merge patch sent for a custom resource.
   */
  public static PatchException unsupportedMediaType(List<PatchType> accepted) {
    String message =
        "the body of the request was in an unknown format - accepted media types include: "
            + accepted.stream().map(PatchType::contentType).collect(Collectors.joining(", "));
    return new PatchException(415, "UnsupportedMediaType", message, message);
  }

  /** The HTTP status to answer with: 400, 413, 415 or 422. */
  public int status() {
    return status;
  }

  /** The Kubernetes Status {@code reason}, e.g. {@code BadRequest} or {@code Invalid}. */
  public String reason() {
    return reason;
  }

  /** What exactly failed, one line; may differ from {@link #getMessage()} for 422s. */
  public String detail() {
    return detail;
  }

  private static String oneLine(String text) {
    return text.replaceAll("\\s*[\\r\\n]+\\s*", " ").strip();
  }
}
