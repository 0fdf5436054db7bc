package dev.tributary.local.apiserver.table;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Instant;
import java.util.List;

/** A printer given as its columns and a function from object to cells. */
record SimplePrinter(List<ColumnDefinition> columns, CellFunction cells) implements RowPrinter {

  /** Computes one row's cells. */
  @FunctionalInterface
  interface CellFunction {
    List<JsonNode> cells(ObjectNode object, Instant now);
  }

  SimplePrinter {
    columns = List.copyOf(columns);
  }

  @Override
  public Row print(ObjectNode object, Instant now) {
    return new Row(cells.cells(object, now));
  }

  static String name(JsonNode object) {
    return Fields.text(object, "metadata", "name");
  }

  static String age(JsonNode object, Instant now) {
    return Timestamps.age(Fields.at(object, "metadata", "creationTimestamp"), now);
  }
}
