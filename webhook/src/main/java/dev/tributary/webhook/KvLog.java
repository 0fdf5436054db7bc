package dev.tributary.webhook;

import dev.tributary.runtime.LogSink;
import java.util.Objects;

/**
 * Writes the webhook's log as {@code key=value} lines ({@code level=info msg="..." key=ns/name}),
 * values quoted when they hold spaces, quotes or {@code =}. Thread-safe (the sink is).
 */
public final class KvLog {

  private final LogSink sink;

  public KvLog(LogSink sink) {
    this.sink = Objects.requireNonNull(sink, "sink");
  }

  /** An info line: {@code msg} then alternating keys and values. */
  public void info(String msg, Object... keyValues) {
    write("info", msg, keyValues);
  }

  /** A warning line: {@code msg} then alternating keys and values. */
  public void warn(String msg, Object... keyValues) {
    write("warn", msg, keyValues);
  }

  /** An error line: {@code msg} then alternating keys and values. */
  public void error(String msg, Object... keyValues) {
    write("error", msg, keyValues);
  }

  private void write(String level, String msg, Object... keyValues) {
    StringBuilder line = new StringBuilder("level=").append(level).append(" msg=");
    line.append(quote(msg));
    for (int i = 0; i + 1 < keyValues.length; i += 2) {
      line.append(' ').append(keyValues[i]).append('=').append(value(keyValues[i + 1]));
    }
    sink.line(line.toString());
  }

  private static String value(Object value) {
    String text = String.valueOf(value);
    return text.isEmpty() || text.chars().anyMatch(c -> c == ' ' || c == '"' || c == '=' || c < 32)
        ? quote(text)
        : text;
  }

  private static String quote(String text) {
    StringBuilder out = new StringBuilder("\"");
    for (char c : text.toCharArray()) {
      switch (c) {
        case '"' -> out.append("\\\"");
        case '\\' -> out.append("\\\\");
        case '\n' -> out.append("\\n");
        case '\t' -> out.append("\\t");
        default -> out.append(c);
      }
    }
    return out.append('"').toString();
  }
}
