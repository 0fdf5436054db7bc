package dev.tributary.local.apiserver.auth;

import dev.tributary.local.apiserver.errors.ApiErrors;
import dev.tributary.local.apiserver.errors.ApiException;
import dev.tributary.local.apiserver.errors.GoQuote;

/** Kubernetes' wording of an authorization denial (403 Forbidden). Stateless. */
public final class ForbiddenMessages {

  private ForbiddenMessages() {}

  /**
   * E.g. {@code pods "x" is forbidden: User "u" cannot get resource "pods" in API group "" in the
   * namespace "default"}, plus {@code : reason} when the authorizer gave one.
   */
  public static ApiException forbidden(RequestAttributes a, String reason) {
    String username = a.user().username();
    StringBuilder message = new StringBuilder();
    if (!a.resourceRequest()) {
      message
          .append("forbidden: User ")
          .append(GoQuote.quote(username))
          .append(" cannot ")
          .append(a.verb())
          .append(" path ")
          .append(GoQuote.quote(a.path()));
    } else {
      String resource =
          a.subresource().isEmpty() ? a.resource() : a.resource() + "/" + a.subresource();
      message.append(ApiErrors.qualified(a.apiGroup(), a.resource()));
      if (!a.name().isEmpty()) {
        message.append(' ').append(GoQuote.quote(a.name()));
      }
      message
          .append(" is forbidden: User ")
          .append(GoQuote.quote(username))
          .append(" cannot ")
          .append(a.verb())
          .append(" resource ")
          .append(GoQuote.quote(resource))
          .append(" in API group ")
          .append(GoQuote.quote(a.apiGroup()));
      if (a.namespace().isEmpty()) {
        message.append(" at the cluster scope");
      } else {
        message.append(" in the namespace ").append(GoQuote.quote(a.namespace()));
      }
    }
    if (reason != null && !reason.isEmpty()) {
      message.append(": ").append(reason);
    }
    return ApiErrors.forbidden(a.apiGroup(), a.resource(), a.name(), message.toString());
  }
}
