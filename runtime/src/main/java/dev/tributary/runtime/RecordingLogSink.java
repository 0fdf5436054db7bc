package dev.tributary.runtime;

import java.util.ArrayList;
import java.util.List;

/**
 * A log sink that keeps every block written, in order, in memory: for tests, and for programs run
 * in-process whose output is read back. Thread-safe.
 */
public final class RecordingLogSink implements LogSink {

  private final List<String> lines = new ArrayList<>();

  @Override
  public synchronized void line(String text) {
    lines.add(text);
  }

  /** A copy of what was written so far. */
  public synchronized List<String> lines() {
    return List.copyOf(lines);
  }

  /** Everything written so far, as the byte stream a process would have produced. */
  public synchronized String text() {
    StringBuilder b = new StringBuilder();
    lines.forEach(line -> b.append(line).append('\n'));
    return b.toString();
  }
}
