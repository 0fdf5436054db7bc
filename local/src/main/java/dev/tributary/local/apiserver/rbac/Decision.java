package dev.tributary.local.apiserver.rbac;

import java.util.Objects;

/**
 * An authorizer's answer.
 *
 * @param allowed whether the request may proceed
 * @param reason when allowed, why (RBAC's {@code RBAC: allowed by ClusterRoleBinding "x" of
 *     ClusterRole "y" to User "z"}, or "" for {@code system:masters}); when denied, the text
 *     kube-apiserver puts in its 403 after {@code <resource> is forbidden: }, e.g. {@code User
 *     "system:serviceaccount:default:events-sa" cannot list resource "events" in API group "" in
 *     the namespace "default"}, followed by {@code : RBAC: ...} when bindings that apply to the
 *     user point at roles that do not exist
 * @param authorizerReason what the authorizer itself said: the allowed-by text, the {@code RBAC:
 *     ...} resolution errors, or "" — what an access review's {@code status.reason} carries
 */
public record Decision(boolean allowed, String reason, String authorizerReason) {

  public Decision {
    Objects.requireNonNull(reason, "reason");
    Objects.requireNonNull(authorizerReason, "authorizerReason");
  }

  /** An allowing decision; its reason is the authorizer's. */
  public static Decision allow(String authorizerReason) {
    return new Decision(true, authorizerReason, authorizerReason);
  }

  /**
   * A denial of {@code attributes}, whose reason is the 403 text built from them and the
   * authorizer's own reason (as kube-apiserver's {@code ForbiddenStatusError} builds it).
   */
  public static Decision deny(RequestAttributes attributes, String authorizerReason) {
    String message = ForbiddenStatus.message(attributes);
    return new Decision(
        false,
        authorizerReason.isEmpty() ? message : message + ": " + authorizerReason,
        authorizerReason);
  }
}
