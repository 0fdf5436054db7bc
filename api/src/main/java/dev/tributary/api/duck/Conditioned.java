package dev.tributary.api.duck;

import java.util.List;

/** A status that holds conditions; {@link ConditionSet} manages them through this. */
public interface Conditioned {
  /** The current conditions, never null. */
  List<Condition> getConditions();

  /** Replaces the conditions. */
  void setConditions(List<Condition> conditions);
}
