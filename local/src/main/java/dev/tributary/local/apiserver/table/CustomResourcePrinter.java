package dev.tributary.local.apiserver.table;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.BooleanNode;
import com.fasterxml.jackson.databind.node.DoubleNode;
import com.fasterxml.jackson.databind.node.LongNode;
import com.fasterxml.jackson.databind.node.NullNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;
import dev.tributary.local.apiserver.jsonpath.JsonPath;
import dev.tributary.local.apiserver.jsonpath.JsonPathException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * apiextensions' table convertor for custom resources: {@code Name} (format {@code name}), then the
 * CRD version's {@code additionalPrinterColumns} in order, or a single {@code Age} column ({@code
 * .metadata.creationTimestamp}, type {@code date}) when it declares none.
 *
 * <p>Each cell is the first result of the column's JSONPath, or {@code null} when there is none or
 * the path fails on this object. By type: {@code string} prints the value (strings raw, objects as
 * JSON); {@code integer}, {@code number}, {@code boolean} keep the JSON type ({@code null} on a
 * mismatch); {@code date} turns an RFC 3339 string into a short age ({@code 5m}, {@code 3d}),
 * {@code <invalid>} if it does not parse. As upstream, a column whose path does not parse drops it
 * and every column after it.
 */
final class CustomResourcePrinter implements RowPrinter {

  private static final Logger log = LoggerFactory.getLogger(CustomResourcePrinter.class);

  private static final PrinterColumn DEFAULT_AGE =
      new PrinterColumn(
          "Age", "date", "", Descriptions.CREATION_TIMESTAMP, 0, ".metadata.creationTimestamp");

  private final List<ColumnDefinition> columns;
  private final List<PrinterColumn> printed;
  private final List<JsonPath> paths;

  /**
   * @param resource the custom resource, for log lines
   * @param declared the CRD version's printer columns, possibly empty
   */
  CustomResourcePrinter(String resource, List<PrinterColumn> declared) {
    List<ColumnDefinition> columns = new ArrayList<>();
    List<PrinterColumn> printed = new ArrayList<>();
    List<JsonPath> paths = new ArrayList<>();
    columns.add(ColumnDefinition.nameColumn());
    for (PrinterColumn column : declared.isEmpty() ? List.of(DEFAULT_AGE) : declared) {
      JsonPath path;
      try {
        path = JsonPath.parseColumn(column.jsonPath());
      } catch (JsonPathException e) {
        log.warn(
            "printer column does not parse, dropping it and the columns after it resource={}"
                + " column={} jsonPath={} error={}",
            resource,
            column.name(),
            column.jsonPath(),
            e.getMessage());
        break;
      }
      String description =
          column.description().isEmpty()
              ? "Custom resource definition column (in JSONPath format): " + column.jsonPath()
              : column.description();
      columns.add(
          new ColumnDefinition(
              column.name(), column.type(), column.format(), description, column.priority()));
      printed.add(column);
      paths.add(path);
    }
    this.columns = List.copyOf(columns);
    this.printed = List.copyOf(printed);
    this.paths = List.copyOf(paths);
  }

  @Override
  public List<ColumnDefinition> columns() {
    return columns;
  }

  @Override
  public Row print(ObjectNode object, Instant now) {
    List<JsonNode> cells = new ArrayList<>(columns.size());
    cells.add(TextNode.valueOf(Fields.text(object, "metadata", "name")));
    for (int i = 0; i < paths.size(); i++) {
      JsonNode value = paths.get(i).firstResult(object);
      cells.add(value == null ? NullNode.getInstance() : cell(printed.get(i).type(), value, now));
    }
    return new Row(cells);
  }

  private static JsonNode cell(String type, JsonNode value, Instant now) {
    if (type.equals("string")) {
      return TextNode.valueOf(JsonPath.printValue(value));
    }
    JsonNode cell =
        switch (type) {
          case "integer" -> value.isNumber() ? LongNode.valueOf(value.longValue()) : null;
          case "number" -> value.isNumber() ? number(value.doubleValue()) : null;
          case "boolean" -> value.isBoolean() ? BooleanNode.valueOf(value.booleanValue()) : null;
          case "date" -> value.isTextual() ? TextNode.valueOf(age(value.textValue(), now)) : null;
          default -> null;
        };
    return cell == null ? NullNode.getInstance() : cell;
  }

  /** Go encodes a float64 without a fraction as an integer; so do we. */
  private static JsonNode number(double d) {
    if (d == Math.rint(d) && Math.abs(d) < 1e15) {
      return LongNode.valueOf((long) d);
    }
    return DoubleNode.valueOf(d);
  }

  private static String age(String timestamp, Instant now) {
    if (timestamp.isEmpty() || timestamp.equals("null")) {
      return "<unknown>";
    }
    Optional<Instant> time = Timestamps.parse(timestamp);
    return time.map(t -> HumanDuration.shortHuman(Duration.between(t, now))).orElse("<invalid>");
  }
}
