package dev.tributary.api.duck;

import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/**
 * Changes the conditions of one status according to its {@link ConditionSet}, with knative.dev/pkg
 * semantics: Ready is True when every dependent is True; a False dependent makes Ready False with
 * its reason and message; an Unknown one makes Ready Unknown unless another is False; a condition's
 * lastTransitionTime changes only when the condition itself changes; conditions are kept sorted by
 * type.
 *
 * <p>Not thread-safe: it mutates the status it was made for, which the caller owns.
 */
public final class ConditionManager {
  private static final String SEVERITY_ERROR = "";
  private static final String SEVERITY_INFO = "Info";

  private final ConditionSet set;
  private final Conditioned status;
  private final Clock clock;

  ConditionManager(ConditionSet set, Conditioned status, Clock clock) {
    this.set = set;
    this.status = status;
    this.clock = clock;
  }

  /** The condition of {@code type}, if present. */
  public Optional<Condition> get(String type) {
    return status.getConditions().stream().filter(c -> c.type().equals(type)).findFirst();
  }

  /** True when the happy condition is True. */
  public boolean isHappy() {
    return get(set.happy()).map(Condition::isTrue).orElse(false);
  }

  /** Sets every condition of the set that is absent to Unknown (True if Ready already is). */
  public void initialize() {
    Condition happy = get(set.happy()).orElse(null);
    if (happy == null) {
      happy = new Condition(set.happy(), Condition.UNKNOWN, SEVERITY_ERROR, null, null, null);
      setCondition(happy);
    }
    String initial = happy.isTrue() ? Condition.TRUE : Condition.UNKNOWN;
    for (String type : set.dependents()) {
      if (get(type).isEmpty()) {
        setCondition(new Condition(type, initial, SEVERITY_ERROR, null, null, null));
      }
    }
  }

  /** Marks {@code type} True and recomputes Ready. */
  public void markTrue(String type) {
    markTrueWithReason(type, "", "");
  }

  /** Marks {@code type} True with a reason and message, and recomputes Ready. */
  public void markTrueWithReason(String type, String reason, String message) {
    setCondition(new Condition(type, Condition.TRUE, severity(type), null, reason, message));
    recomputeHappiness(type);
  }

  /** Marks {@code type} False; if Ready depends on it, Ready becomes False the same way. */
  public void markFalse(String type, String reason, String message) {
    setCondition(new Condition(type, Condition.FALSE, severity(type), null, reason, message));
    if (set.dependents().contains(type)) {
      setCondition(
          new Condition(set.happy(), Condition.FALSE, SEVERITY_ERROR, null, reason, message));
    }
  }

  /** Marks {@code type} Unknown; Ready follows unless some dependent is already False. */
  public void markUnknown(String type, String reason, String message) {
    setCondition(new Condition(type, Condition.UNKNOWN, severity(type), null, reason, message));
    boolean dependent = false;
    for (String d : set.dependents()) {
      if (get(d).map(Condition::isFalse).orElse(false)) {
        if (!get(set.happy()).map(Condition::isFalse).orElse(false)) {
          markFalse(set.happy(), reason, message);
        }
        return;
      }
      dependent |= d.equals(type);
    }
    if (dependent) {
      setCondition(
          new Condition(set.happy(), Condition.UNKNOWN, SEVERITY_ERROR, null, reason, message));
    }
  }

  /** Removes a non-terminal condition; terminal ones cannot be cleared, as upstream. */
  public void clear(String type) {
    if (set.isTerminal(type)) {
      throw new IllegalArgumentException("clearing terminal conditions not implemented");
    }
    List<Condition> kept =
        status.getConditions().stream().filter(c -> !c.type().equals(type)).toList();
    status.setConditions(new ArrayList<>(kept));
  }

  /**
   * Puts {@code condition} in place of the one of the same type. If nothing but the time would
   * change, the status is left untouched, so lastTransitionTime keeps the time of the last real
   * change.
   */
  public void setCondition(Condition condition) {
    List<Condition> others = new ArrayList<>();
    for (Condition existing : status.getConditions()) {
      if (!existing.type().equals(condition.type())) {
        others.add(existing);
      } else if (condition.withLastTransitionTime(existing.lastTransitionTime()).equals(existing)) {
        return;
      }
    }
    others.add(condition.withLastTransitionTime(now()));
    others.sort(Comparator.comparing(Condition::type));
    status.setConditions(others);
  }

  private void recomputeHappiness(String changed) {
    Optional<Condition> unhappy = findUnhappyDependent();
    if (unhappy.isPresent()) {
      Condition c = unhappy.get();
      setCondition(
          new Condition(set.happy(), c.status(), SEVERITY_ERROR, null, c.reason(), c.message()));
    } else if (!changed.equals(set.happy())) {
      setCondition(new Condition(set.happy(), Condition.TRUE, SEVERITY_ERROR, null, null, null));
    }
  }

  private Optional<Condition> findUnhappyDependent() {
    if (set.dependents().isEmpty()) {
      return Optional.empty();
    }
    // Newest first, as upstream: the most recent False (else Unknown) dependent explains Ready.
    List<Condition> terminal =
        status.getConditions().stream()
            .filter(c -> c.severity().equals(SEVERITY_ERROR) && !c.type().equals(set.happy()))
            .sorted(
                Comparator.comparing(
                        (Condition c) ->
                            c.lastTransitionTime() == null ? "" : c.lastTransitionTime())
                    .reversed())
            .toList();
    Optional<Condition> firstFalse = terminal.stream().filter(Condition::isFalse).findFirst();
    if (firstFalse.isPresent()) {
      return firstFalse;
    }
    Optional<Condition> firstUnknown = terminal.stream().filter(Condition::isUnknown).findFirst();
    if (firstUnknown.isPresent()) {
      return firstUnknown;
    }
    if (set.dependents().size() > terminal.size()) {
      return Optional.of(new Condition("", Condition.UNKNOWN, SEVERITY_ERROR, null, null, null));
    }
    return Optional.empty();
  }

  private String severity(String type) {
    return set.isTerminal(type) ? SEVERITY_ERROR : SEVERITY_INFO;
  }

  private String now() {
    return Instant.now(clock).truncatedTo(ChronoUnit.SECONDS).toString();
  }
}
