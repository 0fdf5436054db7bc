package dev.tributary.local.apiserver.table;

import com.fasterxml.jackson.databind.JsonNode;
import dev.tributary.local.apiserver.jsonpath.JsonPath;
import dev.tributary.local.apiserver.jsonpath.JsonPathException;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * One {@code additionalPrinterColumns[]} entry of a CRD version: {@code name}, {@code type} ({@code
 * string}, {@code integer}, {@code number}, {@code boolean} or {@code date}), {@code format},
 * {@code description}, {@code priority} and {@code jsonPath} (without braces).
 */
public record PrinterColumn(
    String name, String type, String format, String description, int priority, String jsonPath) {

  public PrinterColumn {
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(jsonPath, "jsonPath");
    type = type == null ? "" : type;
    format = format == null ? "" : format;
    description = description == null ? "" : description;
  }

  /**
   * Reads a CRD version's {@code additionalPrinterColumns} array ({@code apiextensions.k8s.io/v1},
   * or v1beta1's {@code JSONPath} spelling). An absent or {@code null} array gives an empty list;
   * entries without a name or path are skipped (CRD validation rejects them).
   */
  public static List<PrinterColumn> fromCrd(JsonNode additionalPrinterColumns) {
    List<PrinterColumn> columns = new ArrayList<>();
    if (additionalPrinterColumns == null || !additionalPrinterColumns.isArray()) {
      return columns;
    }
    for (JsonNode column : additionalPrinterColumns) {
      String name = column.path("name").asText("");
      String path = column.path("jsonPath").asText(column.path("JSONPath").asText(""));
      if (name.isEmpty() || path.isEmpty()) {
        continue;
      }
      columns.add(
          new PrinterColumn(
              name,
              column.path("type").asText(""),
              column.path("format").asText(""),
              column.path("description").asText(""),
              column.path("priority").asInt(0),
              path));
    }
    return columns;
  }

  /**
   * Why this column's {@code jsonPath} does not parse, if it does not; CRD validation can refuse
   * such a column up front, as a real API server does.
   */
  public Optional<String> jsonPathError() {
    try {
      JsonPath.parseColumn(jsonPath);
      return Optional.empty();
    } catch (JsonPathException e) {
      return Optional.of(e.getMessage());
    }
  }
}
