package dev.tributary.local.apiserver.table;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Instant;
import java.util.List;
import java.util.Locale;

/**
 * Events as kube-apiserver prints them: {@code LAST SEEN TYPE REASON OBJECT MESSAGE}, wide {@code
 * SUBOBJECT SOURCE FIRST SEEN COUNT NAME}. OBJECT is {@code kind/name} with the kind lower-cased
 * ({@code pod/busybox}). Serves core/v1 events directly and {@code events.k8s.io/v1} events through
 * their field names ({@code regarding}, {@code note}, {@code deprecatedLastTimestamp}, ...).
 */
final class EventPrinter implements RowPrinter {

  private static final List<ColumnDefinition> COLUMNS =
      List.of(
          ColumnDefinition.of("Last Seen", "string", "How long ago the event was last seen."),
          ColumnDefinition.of("Type", "string", "Normal or Warning."),
          ColumnDefinition.of("Reason", "string", "Why the event happened, in one word."),
          ColumnDefinition.of("Object", "string", "The object the event is about, as kind/name."),
          ColumnDefinition.wide("Subobject", "string", "The part of the object, if any."),
          ColumnDefinition.wide("Source", "string", "The component that reported the event."),
          ColumnDefinition.of("Message", "string", "What happened, for humans."),
          ColumnDefinition.wide("First Seen", "string", "How long ago the event was first seen."),
          ColumnDefinition.wide("Count", "string", "How many times the event happened."),
          new ColumnDefinition("Name", "string", "name", Descriptions.NAME, 1));

  /** The field names of one event API version. */
  private record Shape(
      String involvedObject,
      String message,
      String firstTimestamp,
      String lastTimestamp,
      String count,
      String source,
      String reportingController) {}

  private static final Shape CORE =
      new Shape(
          "involvedObject",
          "message",
          "firstTimestamp",
          "lastTimestamp",
          "count",
          "source",
          "reportingComponent");
  private static final Shape EVENTS_API =
      new Shape(
          "regarding",
          "note",
          "deprecatedFirstTimestamp",
          "deprecatedLastTimestamp",
          "deprecatedCount",
          "deprecatedSource",
          "reportingController");

  private final Shape shape;

  private EventPrinter(Shape shape) {
    this.shape = shape;
  }

  /** For core/v1 {@code Event}. */
  static EventPrinter core() {
    return new EventPrinter(CORE);
  }

  /** For {@code events.k8s.io/v1} {@code Event}. */
  static EventPrinter eventsApi() {
    return new EventPrinter(EVENTS_API);
  }

  @Override
  public List<ColumnDefinition> columns() {
    return COLUMNS;
  }

  @Override
  public Row print(ObjectNode event, Instant now) {
    String firstSeen =
        Timestamps.parse(Fields.at(event, shape.firstTimestamp())).isPresent()
            ? Timestamps.age(Fields.at(event, shape.firstTimestamp()), now)
            : Timestamps.age(Fields.at(event, "eventTime"), now);
    String lastSeen =
        Timestamps.parse(Fields.at(event, shape.lastTimestamp())).isPresent()
            ? Timestamps.age(Fields.at(event, shape.lastTimestamp()), now)
            : firstSeen;
    long count = Fields.integer(event, shape.count());
    JsonNode series = Fields.at(event, "series");
    if (series.isObject()) {
      lastSeen = Timestamps.age(Fields.at(series, "lastObservedTime"), now);
      count = Fields.integer(series, "count");
    } else if (count == 0) {
      count = 1; // singleton events carry no count in the newer API
    }

    JsonNode involved = Fields.at(event, shape.involvedObject());
    String kind = Fields.text(involved, "kind").toLowerCase(Locale.ROOT);
    String name = Fields.text(involved, "name");
    String target = name.isEmpty() ? kind : kind + "/" + name;

    return new Row(
        Cells.of(
            lastSeen,
            Fields.text(event, "type"),
            Fields.text(event, "reason"),
            target,
            Fields.text(involved, "fieldPath"),
            source(event),
            Fields.text(event, shape.message()).strip(),
            firstSeen,
            count,
            Fields.text(event, "metadata", "name")));
  }

  /** {@code component, host}, falling back to the reporting controller and instance. */
  private String source(JsonNode event) {
    JsonNode source = Fields.at(event, shape.source());
    String component =
        firstNonEmpty(
            Fields.text(source, "component"), Fields.text(event, shape.reportingController()));
    String host =
        firstNonEmpty(Fields.text(source, "host"), Fields.text(event, "reportingInstance"));
    return host.isEmpty() ? component : component + ", " + host;
  }

  private static String firstNonEmpty(String first, String second) {
    return first.isEmpty() ? second : first;
  }
}
