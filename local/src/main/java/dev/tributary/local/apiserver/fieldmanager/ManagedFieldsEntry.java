package dev.tributary.local.apiserver.fieldmanager;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * One {@code metadata.managedFields} entry: a manager's fields, by the operation that set them.
 *
 * @param manager the field manager's name
 * @param operation {@code Apply} or {@code Update}
 * @param apiVersion the API version the fields were written in
 * @param time when the entry last changed (RFC 3339), or empty
 * @param subresource {@code ""} or {@code "status"}
 * @param fields the fields owned
 */
public record ManagedFieldsEntry(
    String manager,
    String operation,
    String apiVersion,
    String time,
    String subresource,
    FieldSet fields) {

  public static final String APPLY = "Apply";
  public static final String UPDATE = "Update";

  public ManagedFieldsEntry {
    Objects.requireNonNull(manager, "manager");
    Objects.requireNonNull(operation, "operation");
    Objects.requireNonNull(apiVersion, "apiVersion");
    Objects.requireNonNull(time, "time");
    Objects.requireNonNull(subresource, "subresource");
    Objects.requireNonNull(fields, "fields");
  }

  /** Whether {@code other} is the same manager: name, operation and subresource. */
  public boolean sameManager(ManagedFieldsEntry other) {
    return manager.equals(other.manager)
        && operation.equals(other.operation)
        && subresource.equals(other.subresource);
  }

  public ManagedFieldsEntry withFields(FieldSet newFields) {
    return new ManagedFieldsEntry(manager, operation, apiVersion, time, subresource, newFields);
  }

  public ManagedFieldsEntry withTime(String newTime) {
    return new ManagedFieldsEntry(manager, operation, apiVersion, newTime, subresource, fields);
  }

  /** How conflicts name this manager, as upstream: Update managers with version and time. */
  public String describe() {
    String text = '"' + manager + '"';
    if (!subresource.isEmpty()) {
      text += " with subresource \"" + subresource + '"';
    }
    if (operation.equals(UPDATE)) {
      text += " using " + apiVersion;
      if (!time.isEmpty()) {
        text += " at " + time;
      }
    }
    return text;
  }

  /** The entry as JSON, in upstream's field order. */
  public ObjectNode toJson() {
    ObjectNode out = JsonNodeFactory.instance.objectNode();
    out.put("manager", manager);
    out.put("operation", operation);
    out.put("apiVersion", apiVersion);
    if (!time.isEmpty()) {
      out.put("time", time);
    }
    out.put("fieldsType", "FieldsV1");
    out.set("fieldsV1", fields.toFieldsV1());
    if (!subresource.isEmpty()) {
      out.put("subresource", subresource);
    }
    return out;
  }

  /**
   * Decodes {@code metadata.managedFields}; entries that do not decode are left out (the object
   * then simply has fewer owners).
   */
  public static List<ManagedFieldsEntry> decodeAll(JsonNode managedFields) {
    List<ManagedFieldsEntry> entries = new ArrayList<>();
    if (managedFields == null || !managedFields.isArray()) {
      return entries;
    }
    for (JsonNode entry : managedFields) {
      if (!entry.isObject() || entry.path("manager").asText("").isEmpty()) {
        continue;
      }
      try {
        entries.add(
            new ManagedFieldsEntry(
                entry.path("manager").asText(),
                entry.path("operation").asText(UPDATE),
                entry.path("apiVersion").asText(""),
                entry.path("time").asText(""),
                entry.path("subresource").asText(""),
                FieldSet.fromFieldsV1(entry.get("fieldsV1"))));
      } catch (IllegalArgumentException malformed) {
        // an undecodable entry owns nothing
      }
    }
    return entries;
  }

  /** Encodes entries as {@code metadata.managedFields}. */
  public static ArrayNode encodeAll(List<ManagedFieldsEntry> entries) {
    ArrayNode out = JsonNodeFactory.instance.arrayNode();
    entries.forEach(e -> out.add(e.toJson()));
    return out;
  }
}
