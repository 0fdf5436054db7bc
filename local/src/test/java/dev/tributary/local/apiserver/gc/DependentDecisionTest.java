package dev.tributary.local.apiserver.gc;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.Test;

class DependentDecisionTest {

  private static OwnerReference ref(String uid) {
    return new OwnerReference("v1", "ConfigMap", "owner-" + uid, uid, false);
  }

  @Test
  void noReferencesMeansNothingToDo() {
    assertThat(DependentDecision.decide(List.of(), Map.of(), List.of(), () -> false))
        .isEqualTo(new DependentDecision.Keep());
  }

  @Test
  void allOwnersGoneDeletesInTheBackground() {
    assertThat(
            DependentDecision.decide(
                List.of(ref("a"), ref("b")),
                Map.of("a", OwnerState.ABSENT, "b", OwnerState.ABSENT),
                List.of(),
                () -> false))
        .isEqualTo(new DependentDecision.Delete("Background"));
  }

  @Test
  void aSolidOwnerKeepsTheDependentAndOnlyStaleReferencesGo() {
    assertThat(
            DependentDecision.decide(
                List.of(ref("a"), ref("b"), ref("c")),
                Map.of("a", OwnerState.ABSENT, "b", OwnerState.SOLID, "c", OwnerState.WAITING),
                List.of(),
                () -> true))
        .isEqualTo(new DependentDecision.RemoveReferences(Set.of("a", "c")));
    assertThat(
            DependentDecision.decide(
                List.of(ref("b")), Map.of("b", OwnerState.SOLID), List.of(), () -> true))
        .isEqualTo(new DependentDecision.Keep());
  }

  @Test
  void anUnresolvableOwnerCountsAsSolid() {
    assertThat(
            DependentDecision.decide(
                List.of(ref("a"), ref("x")),
                Map.of("a", OwnerState.ABSENT, "x", OwnerState.UNRESOLVABLE),
                List.of(),
                () -> false))
        .isEqualTo(new DependentDecision.RemoveReferences(Set.of("a")));
  }

  @Test
  void aWaitingOwnerDeletesDependentsWithDependentsInTheForeground() {
    assertThat(
            DependentDecision.decide(
                List.of(ref("a")), Map.of("a", OwnerState.WAITING), List.of(), () -> true))
        .isEqualTo(new DependentDecision.Delete("Foreground"));
    assertThat(
            DependentDecision.decide(
                List.of(ref("a")), Map.of("a", OwnerState.WAITING), List.of(), () -> false))
        .isEqualTo(new DependentDecision.Delete("Background"));
  }

  @Test
  void theDependentsOwnGcFinalizerPicksThePolicy() {
    assertThat(
            DependentDecision.decide(
                List.of(ref("a")), Map.of("a", OwnerState.ABSENT), List.of("orphan"), () -> false))
        .isEqualTo(new DependentDecision.Delete("Orphan"));
    assertThat(
            DependentDecision.decide(
                List.of(ref("a")),
                Map.of("a", OwnerState.ABSENT),
                List.of("x/y", "foregroundDeletion"),
                () -> false))
        .isEqualTo(new DependentDecision.Delete("Foreground"));
  }

  @Test
  void dependentsOfTheDependentAreOnlyAskedAboutForAWaitingOwner() {
    AtomicBoolean asked = new AtomicBoolean();
    DependentDecision.decide(
        List.of(ref("a")),
        Map.of("a", OwnerState.ABSENT),
        List.of(),
        () -> {
          asked.set(true);
          return true;
        });
    assertThat(asked).isFalse();
  }
}
