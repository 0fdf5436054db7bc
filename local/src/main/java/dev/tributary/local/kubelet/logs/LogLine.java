package dev.tributary.local.kubelet.logs;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.Objects;
import java.util.Optional;

/**
 * One stored line of a container's output and when it was written, in the kubelet's CRI log file
 * format: {@code <RFC3339Nano time> stdout F <text>} ({@code F} for a full line, {@code P} for a
 * part of one).
 *
 * @param time when the line was written
 * @param text the line without its line break
 */
public record LogLine(Instant time, String text) {

  public LogLine {
    Objects.requireNonNull(time, "time");
    Objects.requireNonNull(text, "text");
  }

  /** This line as a CRI log file line, line break included. */
  public byte[] toCri() {
    return (Rfc3339Nano.format(time) + " stdout F " + text + "\n").getBytes(StandardCharsets.UTF_8);
  }

  /**
   * Parses a CRI log file line (without its line break).
   *
   * @return the line, or empty if it is not in the CRI format
   */
  public static Optional<LogLine> parseCri(String line) {
    int timeEnd = line.indexOf(' ');
    int streamEnd = timeEnd < 0 ? -1 : line.indexOf(' ', timeEnd + 1);
    int tagEnd = streamEnd < 0 ? -1 : line.indexOf(' ', streamEnd + 1);
    if (tagEnd < 0) {
      // A line with an empty text may end right after its tag.
      if (streamEnd < 0 || line.length() <= streamEnd + 1) {
        return Optional.empty();
      }
      tagEnd = line.length();
    }
    try {
      Instant time = Instant.parse(line.substring(0, timeEnd));
      String text = tagEnd >= line.length() ? "" : line.substring(tagEnd + 1);
      return Optional.of(new LogLine(time, text));
    } catch (DateTimeParseException e) {
      return Optional.empty();
    }
  }
}
