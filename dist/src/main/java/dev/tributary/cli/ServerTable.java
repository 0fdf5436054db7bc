package dev.tributary.cli;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;

/**
 * A list as the API server prints it (a {@code meta.k8s.io/v1} Table, what {@code kubectl get}
 * shows): its column names and its rows, each with the namespace and name of its object. Cells are
 * read by column name, so a server that adds columns changes nothing.
 *
 * @param columns the column names as the server gives them ({@code Name}, {@code Ready}, ...)
 * @param rows the rows, by namespace then name
 */
record ServerTable(List<String> columns, List<ServerTable.Row> rows) {

  /**
   * One object's row.
   *
   * @param namespace its namespace, empty for cluster-scoped objects
   * @param cells its cells as text, one per column
   */
  record Row(String namespace, List<String> cells) {

    Row {
      cells = List.copyOf(cells);
    }
  }

  ServerTable {
    columns = List.copyOf(columns);
    rows = List.copyOf(rows);
  }

  /**
   * Reads a Table; its rows need {@code object.metadata} (the server's default, {@code
   * includeObject=Metadata}) for their namespace.
   *
   * @throws IllegalArgumentException if {@code json} is not a Table
   */
  static ServerTable parse(JsonNode json) {
    if (!"Table".equals(json.path("kind").asText())) {
      throw new IllegalArgumentException(
          "the API server answered a " + json.path("kind").asText("non-object") + ", not a Table");
    }
    List<String> columns = new ArrayList<>();
    for (JsonNode column : json.path("columnDefinitions")) {
      columns.add(column.path("name").asText());
    }
    List<Row> rows = new ArrayList<>();
    for (JsonNode row : json.path("rows")) {
      List<String> cells = new ArrayList<>();
      for (JsonNode cell : row.path("cells")) {
        cells.add(cell.isNull() ? "" : cell.asText());
      }
      while (cells.size() < columns.size()) {
        cells.add("");
      }
      rows.add(new Row(row.path("object").path("metadata").path("namespace").asText(""), cells));
    }
    ServerTable table = new ServerTable(columns, rows);
    return new ServerTable(
        columns,
        rows.stream()
            .sorted(
                Comparator.comparing(Row::namespace).thenComparing(row -> table.cell(row, "Name")))
            .toList());
  }

  /** The row's cell in the column named {@code column} (case-insensitive), or empty. */
  String cell(Row row, String column) {
    for (int i = 0; i < columns.size(); i++) {
      if (columns.get(i).toLowerCase(Locale.ROOT).equals(column.toLowerCase(Locale.ROOT))) {
        return i < row.cells().size() ? row.cells().get(i) : "";
      }
    }
    return "";
  }

  /** The cells of {@code wanted} columns of each row, with the row's namespace first if asked. */
  List<List<String>> select(boolean withNamespace, List<String> wanted) {
    List<List<String>> selected = new ArrayList<>();
    for (Row row : rows) {
      List<String> cells = new ArrayList<>();
      if (withNamespace) {
        cells.add(row.namespace());
      }
      for (String column : wanted) {
        cells.add(cell(row, column));
      }
      selected.add(cells);
    }
    return selected;
  }
}
