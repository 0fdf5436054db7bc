package dev.tributary.local.apiserver.rest;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.tributary.local.apiserver.http.Json;
import dev.tributary.local.apiserver.registry.ResourceType;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

/**
 * The fallback {@link TableConverter}: NAME and AGE for every kind (what kubectl itself prints for
 * a server without Tables), used until kind-specific printers are plugged in.
 */
public final class NameAgeTables implements TableConverter {

  @Override
  public ObjectNode table(
      ResourceType type,
      List<ObjectNode> objects,
      String resourceVersion,
      String continueToken,
      Instant now) {
    ObjectNode table = Json.NODES.objectNode();
    table.put("kind", "Table");
    table.put("apiVersion", "meta.k8s.io/v1");
    ObjectNode metadata = table.putObject("metadata");
    metadata.put("resourceVersion", resourceVersion);
    if (continueToken != null) {
      metadata.put("continue", continueToken);
    }
    ArrayNode columns = table.putArray("columnDefinitions");
    column(columns, "Name", "string", "name", "Name must be unique within a namespace.");
    column(
        columns,
        "Age",
        "date",
        "",
        "CreationTimestamp is a timestamp representing the server time when this object was created.");
    ArrayNode rows = table.putArray("rows");
    for (ObjectNode object : objects) {
      ObjectNode row = rows.addObject();
      ArrayNode cells = row.putArray("cells");
      cells.add(Meta.name(object));
      cells.add(
          Timestamps.parse(Meta.text(object, "creationTimestamp"))
              .map(created -> HumanDuration.format(Duration.between(created, now)))
              .orElse("<unknown>"));
      row.set("object", partialObjectMetadata(object));
    }
    return table;
  }

  /** {@code object}'s metadata as a {@code meta.k8s.io/v1 PartialObjectMetadata}. */
  public static ObjectNode partialObjectMetadata(ObjectNode object) {
    ObjectNode partial = Json.NODES.objectNode();
    partial.put("kind", "PartialObjectMetadata");
    partial.put("apiVersion", "meta.k8s.io/v1");
    partial.set("metadata", Meta.of(object).deepCopy());
    return partial;
  }

  private static void column(
      ArrayNode columns, String name, String type, String format, String description) {
    columns
        .addObject()
        .put("name", name)
        .put("type", type)
        .put("format", format)
        .put("description", description)
        .put("priority", 0);
  }
}
