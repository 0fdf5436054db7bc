package dev.tributary.local.apiserver.rest;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;

/**
 * The finalizers a DELETE leaves on an object for the garbage collector, as kube-apiserver's
 * generic registry decides them: {@value #ORPHAN} for propagation policy Orphan, {@value
 * #FOREGROUND} for Foreground, neither for Background; an object's other finalizers are kept in
 * order. Stateless.
 */
public final class DeletionFinalizers {

  /** Held while the garbage collector strips the dependents' ownerReferences. */
  public static final String ORPHAN = "orphan";

  /** Held while the garbage collector deletes the blocking dependents. */
  public static final String FOREGROUND = "foregroundDeletion";

  private DeletionFinalizers() {}

  /**
   * The finalizers {@code current} becomes under a DELETE with {@code propagationPolicy}.
   *
   * @param propagationPolicy {@code Background}, {@code Foreground}, {@code Orphan}, or null when
   *     the request named none (then a GC finalizer already present stays)
   */
  public static List<String> forDelete(List<String> current, String propagationPolicy) {
    boolean orphan;
    boolean foreground;
    if (propagationPolicy == null) {
      orphan = current.contains(ORPHAN);
      foreground = !orphan && current.contains(FOREGROUND);
    } else {
      orphan = propagationPolicy.equals("Orphan");
      foreground = propagationPolicy.equals("Foreground");
    }
    List<String> next = new ArrayList<>();
    for (String finalizer : current) {
      if (!finalizer.equals(ORPHAN) && !finalizer.equals(FOREGROUND)) {
        next.add(finalizer);
      }
    }
    if (orphan) {
      next.add(ORPHAN);
    }
    if (foreground) {
      next.add(FOREGROUND);
    }
    return next;
  }

  /** Whether two finalizer lists hold the same set. */
  static boolean sameSet(List<String> a, List<String> b) {
    return new HashSet<>(a).equals(new HashSet<>(b));
  }
}
