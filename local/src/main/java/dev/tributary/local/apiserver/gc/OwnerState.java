package dev.tributary.local.apiserver.gc;

/** What an owner reference points at, as the garbage collector classifies it. */
public enum OwnerState {
  /** No object of that kind, name and uid exists: the reference dangles. */
  ABSENT,
  /** The owner exists and is not being deleted in the foreground. */
  SOLID,
  /** The owner exists, marked for deletion and waiting for its dependents ({@code foreground}). */
  WAITING,
  /**
   * The reference cannot be resolved (kind not served, or a cluster-scoped dependent naming a
   * namespaced kind): kept, like Kubernetes, which never collects through such a reference.
   */
  UNRESOLVABLE
}
