package dev.tributary.adapters.eventdisplay;

import io.cloudevents.CloudEvent;
import io.cloudevents.CloudEventData;
import io.cloudevents.SpecVersion;
import java.nio.charset.StandardCharsets;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Arrays;
import java.util.StringJoiner;
import java.util.TreeSet;

/**
 * Renders an event exactly as Knative's event_display prints it: its header line, then sdk-go's
 * {@code Event.String()} as the walkthrough's event_display image shows it (with the {@code
 * Validation: valid} line of sdk-go before v2.4). Pure and thread-safe.
 */
public final class EventFormatter {

  /** The line event_display prints before each event: a cloud emoji and two spaces. */
  public static final String HEADER = "\u2601\uFE0F  cloudevents.Event";

  private static final String JSON = "application/json";

  private EventFormatter() {}

  /**
   * The whole block event_display writes for {@code event}, ending with a line break.
   *
   * @param dataBase64 whether a structured-mode event carried its data as {@code data_base64}
   */
  public static String display(CloudEvent event, boolean dataBase64) {
    return HEADER + "\n" + describe(event, dataBase64);
  }

  /** sdk-go's {@code Event.String()} for {@code event}, ending with a line break. */
  public static String describe(CloudEvent event, boolean dataBase64) {
    StringBuilder b = new StringBuilder("Validation: valid\n");
    b.append("Context Attributes,\n");
    boolean v03 = event.getSpecVersion() == SpecVersion.V03;
    b.append("  specversion: ").append(event.getSpecVersion().toString()).append('\n');
    b.append("  type: ").append(event.getType()).append('\n');
    b.append("  source: ").append(event.getSource()).append('\n');
    if (event.getSubject() != null) {
      b.append("  subject: ").append(event.getSubject()).append('\n');
    }
    b.append("  id: ").append(event.getId()).append('\n');
    if (event.getTime() != null) {
      b.append("  time: ").append(rfc3339Nano(event.getTime())).append('\n');
    }
    if (event.getDataSchema() != null) {
      b.append(v03 ? "  schemaurl: " : "  dataschema: ").append(event.getDataSchema()).append('\n');
    }
    if (event.getDataContentType() != null) {
      b.append("  datacontenttype: ").append(event.getDataContentType()).append('\n');
    }
    if (!event.getExtensionNames().isEmpty()) {
      b.append("Extensions,\n");
      for (String name : new TreeSet<>(event.getExtensionNames())) {
        b.append("  ").append(name).append(": ");
        b.append(extensionValue(event.getExtension(name))).append('\n');
      }
    }
    byte[] data = dataBytes(event.getData());
    if (data != null) {
      b.append(dataBase64 ? "Data (binary),\n  " : "Data,\n  ");
      byte[] shown = data;
      if (JSON.equals(mediaType(event.getDataContentType()))) {
        shown = GoJsonIndent.indent(data, "  ", "  ").orElse(data);
      }
      b.append(new String(shown, StandardCharsets.UTF_8)).append('\n');
    }
    return b.toString();
  }

  /** Go's {@code time.RFC3339Nano} in UTC: fraction digits without trailing zeros, none if 0. */
  static String rfc3339Nano(OffsetDateTime time) {
    OffsetDateTime t = time.withOffsetSameInstant(ZoneOffset.UTC);
    StringBuilder b =
        new StringBuilder(
            String.format(
                "%04d-%02d-%02dT%02d:%02d:%02d",
                t.getYear(),
                t.getMonthValue(),
                t.getDayOfMonth(),
                t.getHour(),
                t.getMinute(),
                t.getSecond()));
    if (t.getNano() != 0) {
      String fraction = String.format("%09d", t.getNano());
      int end = fraction.length();
      while (fraction.charAt(end - 1) == '0') {
        end--;
      }
      b.append('.').append(fraction, 0, end);
    }
    return b.append('Z').toString();
  }

  /** What Go's {@code %v} prints for an extension value of each CloudEvents type. */
  static String extensionValue(Object value) {
    return switch (value) {
      case null -> "<nil>";
      case OffsetDateTime time -> rfc3339Nano(time);
      case byte[] bytes -> goByteSlice(bytes);
      case Double d -> Integer.toString(d.intValue()); // sdk-go converts JSON numbers to int32
      case Float f -> Integer.toString(f.intValue());
      default -> value.toString();
    };
  }

  private static String goByteSlice(byte[] bytes) {
    StringJoiner j = new StringJoiner(" ", "[", "]");
    for (byte x : bytes) {
      j.add(Integer.toString(x & 0xff));
    }
    return j.toString();
  }

  /** sdk-go's media type: the content type up to its first {@code ;}, trimmed. */
  private static String mediaType(String contentType) {
    if (contentType == null) {
      return "";
    }
    int semicolon = contentType.indexOf(';');
    return semicolon < 0 ? contentType : contentType.substring(0, semicolon).strip();
  }

  private static byte[] dataBytes(CloudEventData data) {
    if (data == null) {
      return null;
    }
    byte[] bytes = data.toBytes();
    return bytes == null || bytes.length == 0 ? null : Arrays.copyOf(bytes, bytes.length);
  }
}
