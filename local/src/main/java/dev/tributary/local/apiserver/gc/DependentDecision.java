package dev.tributary.local.apiserver.gc;

import dev.tributary.local.apiserver.rest.DeletionFinalizers;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.BooleanSupplier;

/**
 * What the garbage collector does to one dependent, given the state of each of its owners: the
 * decision of kube-controller-manager's {@code attemptToDeleteItem}. Pure; unit-tested.
 */
public sealed interface DependentDecision {

  /** Leave the dependent alone. */
  record Keep() implements DependentDecision {}

  /** Strip the owner references to these uids: the dependent stays with its solid owners. */
  record RemoveReferences(Set<String> uids) implements DependentDecision {}

  /** Delete the dependent with this propagation policy. */
  record Delete(String propagationPolicy) implements DependentDecision {}

  /**
   * Decides for a dependent that is not itself being deleted.
   *
   * @param references the dependent's owner references
   * @param states each reference's owner state, by uid
   * @param existingFinalizers the dependent's finalizers (a GC finalizer it already carries picks
   *     the policy its deletion gets)
   * @param hasDependents whether the dependent has dependents of its own; asked only when it is to
   *     be deleted for an owner waiting in the foreground
   */
  static DependentDecision decide(
      List<OwnerReference> references,
      Map<String, OwnerState> states,
      List<String> existingFinalizers,
      BooleanSupplier hasDependents) {
    if (references.isEmpty()) {
      return new Keep();
    }
    boolean solid = false;
    Set<String> dangling = new LinkedHashSet<>();
    Set<String> waiting = new LinkedHashSet<>();
    for (OwnerReference reference : references) {
      switch (states.getOrDefault(reference.uid(), OwnerState.UNRESOLVABLE)) {
        case SOLID, UNRESOLVABLE -> solid = true;
        case ABSENT -> dangling.add(reference.uid());
        case WAITING -> waiting.add(reference.uid());
      }
    }
    if (solid) {
      // Another owner keeps it alive: only the references to gone or going owners go.
      Set<String> stale = new LinkedHashSet<>(dangling);
      stale.addAll(waiting);
      return stale.isEmpty() ? new Keep() : new RemoveReferences(stale);
    }
    if (!waiting.isEmpty() && hasDependents.getAsBoolean()) {
      // An owner waits for it: its own dependents must go first, so it goes in the foreground.
      return new Delete("Foreground");
    }
    if (existingFinalizers.contains(DeletionFinalizers.ORPHAN)) {
      return new Delete("Orphan");
    }
    if (existingFinalizers.contains(DeletionFinalizers.FOREGROUND)) {
      return new Delete("Foreground");
    }
    return new Delete("Background");
  }
}
