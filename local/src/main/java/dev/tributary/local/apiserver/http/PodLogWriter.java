package dev.tributary.local.apiserver.http;

import dev.tributary.local.kubelet.logs.LogLine;
import dev.tributary.local.kubelet.logs.Rfc3339Nano;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;

/**
 * Renders stored lines as the kubelet serves them: lines older than {@code since} skipped, an
 * RFC3339Nano time and a space before each when asked, and the answer cut at {@code limitBytes}
 * (mid-line, as the kubelet cuts it). Buffers up to 32 KiB between flushes. Not thread-safe.
 */
final class PodLogWriter {

  private static final int FLUSH_AT = 32 * 1024;

  private final PodLogOutput out;
  private final boolean timestamps;
  private final Instant since;
  private long remaining;
  private final ByteArrayOutputStream buffer = new ByteArrayOutputStream();

  /**
   * @param since the earliest time served, or null for all
   * @param limitBytes the most bytes served, or null for no limit
   */
  PodLogWriter(PodLogOutput out, boolean timestamps, Instant since, Long limitBytes) {
    this.out = out;
    this.timestamps = timestamps;
    this.since = since;
    this.remaining = limitBytes == null ? Long.MAX_VALUE : limitBytes;
  }

  /**
   * Adds one line.
   *
   * @return false once the byte limit is reached: nothing more is written
   */
  boolean write(LogLine line) throws IOException {
    if (remaining <= 0) {
      return false;
    }
    if (since != null && line.time().isBefore(since)) {
      return true;
    }
    String text = timestamps ? Rfc3339Nano.format(line.time()) + " " + line.text() : line.text();
    byte[] bytes = (text + "\n").getBytes(StandardCharsets.UTF_8);
    int length = (int) Math.min(bytes.length, remaining);
    buffer.write(bytes, 0, length);
    remaining -= length;
    if (buffer.size() >= FLUSH_AT || remaining <= 0) {
      flush();
    }
    return remaining > 0;
  }

  /** Sends what is buffered. */
  void flush() throws IOException {
    if (buffer.size() > 0) {
      out.write(buffer.toByteArray());
      buffer.reset();
    }
  }
}
