package dev.tributary.api.duck;

import java.time.Clock;
import java.util.List;

/**
 * A declared set of conditions: one "happy" condition ({@code Ready}) derived from its dependents,
 * as knative.dev/pkg's living condition set. Each kind's Lifecycle declares one and changes status
 * only through {@link #manage}.
 *
 * @param happy the derived condition type, {@code Ready}
 * @param dependents the condition types Ready depends on (severity Error)
 */
public record ConditionSet(String happy, List<String> dependents) {

  /** The happy condition of every {@link #living} set. */
  public static final String READY = "Ready";

  public ConditionSet {
    dependents = List.copyOf(dependents);
  }

  /** A set whose happy condition is {@link #READY}. */
  public static ConditionSet living(String... dependents) {
    return new ConditionSet(READY, List.of(dependents));
  }

  /** A manager over {@code status}, stamping transitions with {@code clock}'s time. */
  public ConditionManager manage(Conditioned status, Clock clock) {
    return new ConditionManager(this, status, clock);
  }

  /** True when {@code type} is the happy condition or one it depends on. */
  public boolean isTerminal(String type) {
    return happy.equals(type) || dependents.contains(type);
  }
}
