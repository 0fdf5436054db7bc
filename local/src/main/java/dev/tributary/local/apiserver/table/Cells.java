package dev.tributary.local.apiserver.table;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.BooleanNode;
import com.fasterxml.jackson.databind.node.LongNode;
import com.fasterxml.jackson.databind.node.NullNode;
import com.fasterxml.jackson.databind.node.TextNode;
import java.util.ArrayList;
import java.util.List;

/** Builds cell lists from plain Java values. */
final class Cells {

  private Cells() {}

  /**
   * Converts each value to a cell: {@code String} to a JSON string, {@code Integer}/{@code Long} to
   * an integer, {@code Boolean} to a boolean, {@code null} to JSON {@code null}, a {@link JsonNode}
   * as is.
   */
  static List<JsonNode> of(Object... values) {
    List<JsonNode> cells = new ArrayList<>(values.length);
    for (Object value : values) {
      cells.add(cell(value));
    }
    return cells;
  }

  private static JsonNode cell(Object value) {
    return switch (value) {
      case null -> NullNode.getInstance();
      case JsonNode node -> node;
      case String s -> TextNode.valueOf(s);
      case Integer i -> LongNode.valueOf(i);
      case Long l -> LongNode.valueOf(l);
      case Boolean b -> BooleanNode.valueOf(b);
      default -> throw new IllegalArgumentException("not a cell value: " + value.getClass());
    };
  }
}
