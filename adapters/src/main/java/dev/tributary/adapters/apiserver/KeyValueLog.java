package dev.tributary.adapters.apiserver;

import dev.tributary.runtime.LogSink;

/**
 * Writes the adapter's log lines as {@code level=info msg="..." key=ns/name k=v ...} to its log
 * sink, always with the source's key. Values with spaces, quotes or {@code =} are quoted.
 * Thread-safe when the sink is.
 */
final class KeyValueLog {

  private final LogSink sink;
  private final String key;

  KeyValueLog(LogSink sink, String key) {
    this.sink = sink;
    this.key = key;
  }

  void info(String msg, Object... keyValues) {
    write("info", msg, keyValues);
  }

  void warn(String msg, Object... keyValues) {
    write("warn", msg, keyValues);
  }

  void error(String msg, Object... keyValues) {
    write("error", msg, keyValues);
  }

  private void write(String level, String msg, Object... keyValues) {
    StringBuilder line = new StringBuilder("level=").append(level);
    line.append(" msg=").append(quote(msg)).append(" key=").append(value(key));
    for (int i = 0; i + 1 < keyValues.length; i += 2) {
      line.append(' ')
          .append(keyValues[i])
          .append('=')
          .append(value(String.valueOf(keyValues[i + 1])));
    }
    sink.line(line.toString());
  }

  private static String value(String v) {
    boolean plain = !v.isEmpty();
    for (int i = 0; i < v.length() && plain; i++) {
      char c = v.charAt(i);
      plain = c > ' ' && c != '"' && c != '=' && c != '\\';
    }
    return plain ? v : quote(v);
  }

  private static String quote(String v) {
    StringBuilder q = new StringBuilder(v.length() + 2).append('"');
    for (int i = 0; i < v.length(); i++) {
      char c = v.charAt(i);
      switch (c) {
        case '"' -> q.append("\\\"");
        case '\\' -> q.append("\\\\");
        case '\n' -> q.append("\\n");
        default -> q.append(c);
      }
    }
    return q.append('"').toString();
  }
}
