package dev.tributary.local.apiserver.table;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Objects;

/**
 * One {@code columnDefinitions[]} entry of a Table. Every field is always written, as
 * kube-apiserver does; kubectl shows {@code priority > 0} columns only with {@code -o wide}, and a
 * {@code format} of {@code name} makes it prefix the kind when several kinds are printed.
 */
public record ColumnDefinition(
    String name, String type, String format, String description, int priority) {

  public ColumnDefinition {
    Objects.requireNonNull(name, "name");
    type = type == null ? "" : type;
    format = format == null ? "" : format;
    description = description == null ? "" : description;
  }

  static ColumnDefinition of(String name, String type, String description) {
    return new ColumnDefinition(name, type, "", description, 0);
  }

  static ColumnDefinition wide(String name, String type, String description) {
    return new ColumnDefinition(name, type, "", description, 1);
  }

  /** The {@code Name} column every printer but events starts with. */
  static ColumnDefinition nameColumn() {
    return new ColumnDefinition("Name", "string", "name", Descriptions.NAME, 0);
  }

  /** The built-in printers' {@code Age} column: a preformatted string, not a {@code date}. */
  static ColumnDefinition ageColumn() {
    return of("Age", "string", Descriptions.CREATION_TIMESTAMP);
  }

  ObjectNode toJson(JsonNodeFactory factory) {
    ObjectNode json = factory.objectNode();
    json.put("name", name);
    json.put("type", type);
    json.put("format", format);
    json.put("description", description);
    json.put("priority", priority);
    return json;
  }
}
