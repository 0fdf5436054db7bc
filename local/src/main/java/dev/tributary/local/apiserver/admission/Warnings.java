package dev.tributary.local.apiserver.admission;

/**
 * Where admission warnings go: they reach the client as {@code Warning: 299 - "text"} response
 * headers. Implementations are called from request threads and need not be thread-safe: one
 * request's admission runs on one thread.
 */
@FunctionalInterface
public interface Warnings {

  /** Records one warning for the client. */
  void add(String text);

  /** Drops every warning (for writes that no client sees: bootstrap, in-server controllers). */
  static Warnings discard() {
    return text -> {};
  }
}
