package dev.tributary.local.apiserver.table;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.NullNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The {@link TableRenderer}: kube-apiserver's printers for built-in kinds, apiextensions' columns
 * for custom resources. Custom-resource printers are kept per distinct set of columns, so a CRD's
 * paths are parsed once.
 */
final class KubeTableRenderer implements TableRenderer {

  private static final Logger log = LoggerFactory.getLogger(KubeTableRenderer.class);

  /** Distinct CRD column sets kept parsed; more than this many starts the cache afresh. */
  private static final int MAX_CUSTOM_PRINTERS = 512;

  private final JsonNodeFactory factory = JsonNodeFactory.instance;
  private final Clock clock;
  private final BuiltInPrinters builtIns = new BuiltInPrinters();
  private final Map<CustomKey, RowPrinter> customPrinters = new ConcurrentHashMap<>();

  private record CustomKey(String group, String plural, List<PrinterColumn> columns) {}

  KubeTableRenderer(Clock clock) {
    this.clock = Objects.requireNonNull(clock, "clock");
  }

  @Override
  public ObjectNode table(
      ResourceInfo resource,
      List<ObjectNode> objects,
      String resourceVersion,
      String continueToken,
      TableOptions options) {
    Objects.requireNonNull(resource, "resource");
    Objects.requireNonNull(objects, "objects");
    Objects.requireNonNull(options, "options");
    Instant now = clock.instant();
    RowPrinter printer = printerFor(resource);

    ObjectNode table = factory.objectNode();
    table.put("kind", "Table");
    table.put("apiVersion", "meta.k8s.io/v1");
    ObjectNode metadata = table.putObject("metadata");
    if (resourceVersion != null && !resourceVersion.isEmpty()) {
      metadata.put("resourceVersion", resourceVersion);
    }
    if (continueToken != null && !continueToken.isEmpty()) {
      metadata.put("continue", continueToken);
    }
    if (options.noHeaders()) {
      table.putNull("columnDefinitions");
    } else {
      ArrayNode columns = table.putArray("columnDefinitions");
      printer.columns().forEach(column -> columns.add(column.toJson(factory)));
    }
    ArrayNode rows = table.putArray("rows");
    for (ObjectNode object : objects) {
      rows.add(row(resource, printer, object, now, options.includeObject()));
    }
    return table;
  }

  private RowPrinter printerFor(ResourceInfo resource) {
    if (!resource.isCustom()) {
      return builtIns.forKind(resource.group(), resource.kind());
    }
    CustomKey key = new CustomKey(resource.group(), resource.plural(), resource.printerColumns());
    if (customPrinters.size() > MAX_CUSTOM_PRINTERS) {
      customPrinters.clear();
    }
    return customPrinters.computeIfAbsent(
        key,
        k -> new CustomResourcePrinter(k.plural() + "." + k.group(), resource.printerColumns()));
  }

  private ObjectNode row(
      ResourceInfo resource,
      RowPrinter printer,
      ObjectNode object,
      Instant now,
      IncludeObject include) {
    Row printed;
    try {
      printed = printer.print(object, now);
    } catch (RuntimeException e) {
      // a printer bug must not fail a whole list; the row keeps its name and empty cells
      log.warn(
          "printing a table row failed resource={} namespace={} name={}",
          resource.plural(),
          Fields.text(object, "metadata", "namespace"),
          Fields.text(object, "metadata", "name"),
          e);
      printed = nameOnly(printer.columns(), object);
    }
    ObjectNode row = factory.objectNode();
    ArrayNode cells = row.putArray("cells");
    printed.cells().forEach(cells::add);
    if (printed.conditions() != null) {
      row.set("conditions", printed.conditions());
    }
    row.set("object", rowObject(object, include));
    return row;
  }

  private static Row nameOnly(List<ColumnDefinition> columns, ObjectNode object) {
    List<JsonNode> cells = new ArrayList<>(columns.size());
    for (ColumnDefinition column : columns) {
      cells.add(
          column.format().equals("name")
              ? TextNode.valueOf(Fields.text(object, "metadata", "name"))
              : NullNode.getInstance());
    }
    return new Row(cells);
  }

  private JsonNode rowObject(ObjectNode object, IncludeObject include) {
    return switch (include) {
      case NONE -> NullNode.getInstance();
      case OBJECT -> object.deepCopy();
      case METADATA -> {
        ObjectNode partial = factory.objectNode();
        partial.put("kind", "PartialObjectMetadata");
        partial.put("apiVersion", "meta.k8s.io/v1");
        JsonNode metadata = object.get("metadata");
        partial.set(
            "metadata",
            metadata != null && metadata.isObject() ? metadata.deepCopy() : factory.objectNode());
        yield partial;
      }
    };
  }
}
