package dev.tributary.runtime;

import java.util.Objects;

/**
 * A program's log lines, written to its {@link LogSink} (its container log) as {@code key=value}
 * pairs, the one format every Tributary program logs in: {@code level=info msg="ping source
 * scheduled" key=ns/name schedule="* * * * *"}. A value with a space, a quote, an equals sign or
 * nothing at all is quoted, with {@code "} and {@code \} escaped; line breaks become {@code \n}.
 * Thread-safe when the sink is.
 */
public final class KvLog {

  private final LogSink sink;
  private final Object[] always;

  public KvLog(LogSink sink) {
    this(sink, new Object[0]);
  }

  private KvLog(LogSink sink, Object[] always) {
    this.sink = Objects.requireNonNull(sink, "sink");
    this.always = always;
  }

  /** This log with {@code key=KEY} (the object a program works for) on every line, after msg. */
  public KvLog withKey(String key) {
    return new KvLog(sink, new Object[] {"key", key});
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
    appendPairs(line, always);
    appendPairs(line, pairs);
    sink.line(line.toString());
  }

  private static void appendPairs(StringBuilder line, Object[] pairs) {
    for (int i = 0; i < pairs.length; i += 2) {
      line.append(' ').append(pairs[i]).append('=');
      appendValue(line, String.valueOf(pairs[i + 1]));
    }
  }

  private static void appendValue(StringBuilder line, String value) {
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
