package dev.tributary.local.kubelet.logs;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;

/**
 * Go's {@code time.RFC3339Nano} layout in UTC, as the kubelet writes log timestamps: the fraction
 * of a second has its trailing zeros removed and is left out when zero ({@code
 * 2024-05-01T10:00:00.5Z}, {@code 2024-05-01T10:00:00Z}).
 */
public final class Rfc3339Nano {

  private static final DateTimeFormatter SECONDS =
      DateTimeFormatter.ofPattern("uuuu-MM-dd'T'HH:mm:ss").withZone(ZoneOffset.UTC);

  private Rfc3339Nano() {}

  public static String format(Instant time) {
    StringBuilder text = new StringBuilder(SECONDS.format(time));
    int nanos = time.getNano();
    if (nanos != 0) {
      String fraction = String.format("%09d", nanos);
      int end = fraction.length();
      while (fraction.charAt(end - 1) == '0') {
        end--;
      }
      text.append('.').append(fraction, 0, end);
    }
    return text.append('Z').toString();
  }
}
