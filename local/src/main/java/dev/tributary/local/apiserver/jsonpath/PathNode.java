package dev.tributary.local.apiserver.jsonpath;

import java.util.List;

/** The parsed form of a JSONPath template: the node kinds client-go's parser produces. */
sealed interface PathNode {

  /** A sequence evaluated left to right, each node applied to the previous node's results. */
  record Sequence(List<PathNode> nodes) implements PathNode {}

  /** Literal text: outside braces, or a quoted string inside them. */
  record Text(String text) implements PathNode {}

  /** {@code .name}: a key of each object. */
  record Field(String name) implements PathNode {}

  /**
   * {@code [start:end:step]}, {@code [n]} or {@code [*]}. {@code endDerived} marks an end computed
   * as {@code start + 1} from a single index, so that {@code [-1]} reaches the last element.
   */
  record Slice(Integer start, Integer end, boolean endDerived, Integer step) implements PathNode {}

  /** {@code [?(left op right)]}, or {@code [?(left)]} (operator {@code exists}). */
  record Filter(Sequence left, Sequence right, String operator) implements PathNode {}

  /** {@code .*}: every value of an object or element of an array. */
  record Wildcard() implements PathNode {}

  /** {@code ..}: every container at or below each input. */
  record Recursive() implements PathNode {}

  /** {@code [a,b]}: the results of each branch, concatenated. */
  record Union(List<Sequence> branches) implements PathNode {}

  /** An integer literal (in filters). */
  record IntLiteral(long value) implements PathNode {}

  /** A floating-point literal (in filters). */
  record FloatLiteral(double value) implements PathNode {}

  /** {@code true} or {@code false} (in filters). */
  record BoolLiteral(boolean value) implements PathNode {}

  /** A bare word such as {@code range} or {@code end}; neither is supported here. */
  record Identifier(String name) implements PathNode {}
}
