package dev.tributary.local.apiserver.errors;

import dev.tributary.api.validation.GoQuote;
import dev.tributary.local.apiserver.errors.ApiException.Details;
import java.util.List;
import java.util.stream.Collectors;

/**
 * The API server's failures with Kubernetes' codes, reasons and wording (apimachinery's {@code
 * errors} package), so clients print and react to them as they do against a real cluster.
 *
 * <p>{@code group} and {@code resource} name the API group and plural resource: messages qualify
 * the resource as {@code resource.group} unless the group is the core group.
 */
public final class ApiErrors {

  private ApiErrors() {}

  /** 404 {@code resource.group "name" not found}. */
  public static ApiException notFound(String group, String resource, String name) {
    return new ApiException(
        404,
        "NotFound",
        qualified(group, resource) + " " + GoQuote.quote(name) + " not found",
        new Details(name, group, resource, List.of()));
  }

  /** 404 for a path the server does not serve at all. */
  public static ApiException pathNotFound() {
    return new ApiException(
        404, "NotFound", "the server could not find the requested resource", Details.NONE);
  }

  /** 409 {@code resource.group "name" already exists}. */
  public static ApiException alreadyExists(String group, String resource, String name) {
    return new ApiException(
        409,
        "AlreadyExists",
        qualified(group, resource) + " " + GoQuote.quote(name) + " already exists",
        new Details(name, group, resource, List.of()));
  }

  /** 409 Conflict for a write based on a stale resourceVersion. */
  public static ApiException conflict(String group, String resource, String name) {
    return conflict(
        group,
        resource,
        name,
        "the object has been modified; please apply your changes to the latest version and try"
            + " again");
  }

  /** 409 {@code Operation cannot be fulfilled on resource.group "name": why}. */
  public static ApiException conflict(String group, String resource, String name, String why) {
    return new ApiException(
        409,
        "Conflict",
        "Operation cannot be fulfilled on "
            + qualified(group, resource)
            + " "
            + GoQuote.quote(name)
            + ": "
            + why,
        new Details(name, group, resource, List.of()));
  }

  /**
   * 422 {@code Kind.group "name" is invalid: cause} (several causes are listed in brackets, as
   * Kubernetes' aggregate does).
   */
  public static ApiException invalid(
      String group, String kind, String name, List<FieldCause> causes) {
    String qualifiedKind = group.isEmpty() ? kind : kind + "." + group;
    String what =
        causes.size() == 1
            ? causes.get(0).text()
            : causes.stream().map(FieldCause::text).collect(Collectors.joining(", ", "[", "]"));
    return new ApiException(
        422,
        "Invalid",
        qualifiedKind + " " + GoQuote.quote(name) + " is invalid: " + what,
        new Details(name, group, kind, causes));
  }

  /** 400 BadRequest with {@code message}. */
  public static ApiException badRequest(String message) {
    return new ApiException(400, "BadRequest", message, Details.NONE);
  }

  /** 401 for a request without valid credentials. */
  public static ApiException unauthorized() {
    return new ApiException(401, "Unauthorized", "Unauthorized", Details.NONE);
  }

  /** 403 Forbidden with Kubernetes' wording for an RBAC denial or a refused operation. */
  public static ApiException forbidden(String group, String resource, String name, String message) {
    return new ApiException(
        403, "Forbidden", message, new Details(name, group, resource, List.of()));
  }

  /** 405 for a verb the resource does not support. */
  public static ApiException methodNotAllowed() {
    return new ApiException(
        405,
        "MethodNotAllowed",
        "the server does not allow this method on the requested resource",
        Details.NONE);
  }

  /** 415 for a body whose Content-Type the endpoint does not take. */
  public static ApiException unsupportedMediaType(String contentType, List<String> accepted) {
    return new ApiException(
        415,
        "UnsupportedMediaType",
        "the body of the request was in an unknown format - accepted media types include: "
            + String.join(", ", accepted),
        new Details("", "", contentType == null ? "" : contentType, List.of()));
  }

  /** 406 for an Accept header that names nothing the server writes. */
  public static ApiException notAcceptable(List<String> produced) {
    return new ApiException(
        406,
        "NotAcceptable",
        "only the following media types are accepted: " + String.join(", ", produced),
        Details.NONE);
  }

  /** 410 Expired, e.g. {@code too old resource version: 5 (10)}. */
  public static ApiException expired(String message) {
    return new ApiException(410, "Expired", message, Details.NONE);
  }

  /** 413 for a body larger than the server takes. */
  public static ApiException requestEntityTooLarge(long limit) {
    return new ApiException(
        413, "RequestEntityTooLarge", "Request entity too large: limit is " + limit, Details.NONE);
  }

  /** 500 for a failure of the server itself; the message says what failed, never a secret. */
  public static ApiException internal(String message) {
    return new ApiException(
        500, "InternalError", "Internal error occurred: " + message, Details.NONE);
  }

  /** {@code resource} or {@code resource.group}. */
  public static String qualified(String group, String resource) {
    return group.isEmpty() ? resource : resource + "." + group;
  }
}
