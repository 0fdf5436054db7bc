package dev.tributary.local.apiserver.rbac;

/**
 * Decides whether a request may proceed. Implementations are thread-safe, do not block on I/O of
 * their own, and deny (never throw) when nothing allows a request; a failure of the objects they
 * read propagates as an unchecked exception, which the server answers with 500.
 */
@FunctionalInterface
public interface Authorizer {

  /** Whether {@code attributes} are allowed, and why (or why not). */
  Decision authorize(RequestAttributes attributes);
}
