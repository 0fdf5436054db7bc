package dev.tributary.local.apiserver.auth;

/**
 * Decides whether an authenticated request may proceed; the API server answers 403 Forbidden when
 * it may not. Implementations are thread-safe and must not block for long (they run on request
 * worker threads, and may read the store).
 */
@FunctionalInterface
public interface Authorizer {

  /** Whether {@code attributes} are allowed, and why (or why not). */
  Decision authorize(RequestAttributes attributes);

  /** Lets every authenticated request through: the default until RBAC is plugged in. */
  static Authorizer allowAll() {
    return attributes -> Decision.allow("");
  }

  /**
   * An authorizer's answer.
   *
   * @param allowed whether the request may proceed
   * @param reason why, for logs and the Forbidden message; may be empty
   */
  record Decision(boolean allowed, String reason) {
    public static Decision allow(String reason) {
      return new Decision(true, reason);
    }

    public static Decision deny(String reason) {
      return new Decision(false, reason);
    }
  }
}
