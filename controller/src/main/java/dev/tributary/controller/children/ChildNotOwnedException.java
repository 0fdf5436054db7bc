package dev.tributary.controller.children;

/**
 * An object with a child's name exists but is not controlled by the owner; the reconcile fails with
 * upstream's message (e.g. {@code deployment "x" is not owned by ApiServerSource "s"}) and is
 * retried, and the object is left alone.
 */
public final class ChildNotOwnedException extends IllegalStateException {
  public ChildNotOwnedException(String message) {
    super(message);
  }
}
