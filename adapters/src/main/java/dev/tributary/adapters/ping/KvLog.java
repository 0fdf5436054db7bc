package dev.tributary.adapters.ping;

import dev.tributary.runtime.LogSink;
import java.util.Objects;

/**
 * The adapter's log lines, written to its {@link LogSink} (its container log) as {@code key=value}
 * pairs: {@code level=info msg="ping source scheduled" key=ns/name schedule="* * * * *"}. A value
 * with a space, a quote, an equals sign or nothing at all is quoted, with {@code "} and {@code \}
 * escaped; line breaks become {@code \n}. Thread-safe when the sink is.
 */
public final class KvLog {

  private final LogSink sink;

  public KvLog(LogSink sink) {
    this.sink = Objects.requireNonNull(sink, "sink");
  }

  /** Logs at level {@code info}; {@code pairs} alternate names and values. */
  public void info(String msg, Object... pairs) {
    write("info", msg, pairs);
  }

  /** Logs at level {@code warn}. */
  public void warn(String msg, Object... pairs) {
    write("warn", msg, pairs);
  }

  /** Logs at level {@code error}. */
  public void error(String msg, Object... pairs) {
    write("error", msg, pairs);
  }

  private void write(String level, String msg, Object... pairs) {
    if (pairs.length % 2 != 0) {
      throw new IllegalArgumentException("pairs must alternate names and values");
    }
    StringBuilder line = new StringBuilder("level=").append(level).append(" msg=");
    appendValue(line, msg);
    for (int i = 0; i < pairs.length; i += 2) {
      line.append(' ').append(pairs[i]).append('=');
      appendValue(line, String.valueOf(pairs[i + 1]));
    }
    sink.line(line.toString());
  }

  static void appendValue(StringBuilder line, String value) {
    boolean quote = value.isEmpty();
    for (int i = 0; i < value.length() && !quote; i++) {
      char c = value.charAt(i);
      quote = c == ' ' || c == '"' || c == '=' || c == '\\' || c < 0x20;
    }
    if (!quote) {
      line.append(value);
      return;
    }
    line.append('"');
    for (int i = 0; i < value.length(); i++) {
      char c = value.charAt(i);
      switch (c) {
        case '"' -> line.append("\\\"");
        case '\\' -> line.append("\\\\");
        case '\n' -> line.append("\\n");
        case '\r' -> line.append("\\r");
        case '\t' -> line.append("\\t");
        default -> line.append(c);
      }
    }
    line.append('"');
  }
}
