package dev.tributary.api.time;

import java.math.BigDecimal;
import java.time.Duration;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Parses ISO-8601 durations as Knative's DeliverySpec writes them ({@code PT0.2S}, {@code PT1S},
 * {@code P1DT2H}), including the date parts java.time's Duration refuses: years (365 days), months
 * (30 days) and weeks, as the Go period library Knative uses approximates them.
 */
public final class IsoDuration {
  private static final Pattern ISO =
      Pattern.compile(
          "([-+]?)P(?:([-+]?[0-9]+(?:[.,][0-9]+)?)Y)?(?:([-+]?[0-9]+(?:[.,][0-9]+)?)M)?"
              + "(?:([-+]?[0-9]+(?:[.,][0-9]+)?)W)?(?:([-+]?[0-9]+(?:[.,][0-9]+)?)D)?"
              + "(T(?:([-+]?[0-9]+(?:[.,][0-9]+)?)H)?(?:([-+]?[0-9]+(?:[.,][0-9]+)?)M)?"
              + "(?:([-+]?[0-9]+(?:[.,][0-9]+)?)S)?)?",
          Pattern.CASE_INSENSITIVE);

  private static final long[] SECONDS_PER_GROUP = {
    0, 0, 365L * 86400, 30L * 86400, 7L * 86400, 86400, 0, 3600, 60, 1
  };

  private IsoDuration() {}

  /**
   * Parses {@code text}.
   *
   * @throws IllegalArgumentException if it is not an ISO-8601 duration
   */
  public static Duration parse(String text) {
    Matcher m = ISO.matcher(text == null ? "" : text.strip());
    if (!m.matches() || "T".equalsIgnoreCase(m.group(6)) || !hasAnyPart(m)) {
      throw new IllegalArgumentException("not an ISO-8601 duration: " + text);
    }
    BigDecimal seconds = BigDecimal.ZERO;
    for (int group = 2; group <= 9; group++) {
      if (group == 6 || m.group(group) == null) {
        continue;
      }
      BigDecimal value = new BigDecimal(m.group(group).replace(',', '.'));
      seconds = seconds.add(value.multiply(BigDecimal.valueOf(SECONDS_PER_GROUP[group])));
    }
    if ("-".equals(m.group(1))) {
      seconds = seconds.negate();
    }
    long nanos = seconds.movePointRight(9).longValueExact();
    return Duration.ofNanos(nanos);
  }

  private static boolean hasAnyPart(Matcher m) {
    for (int group = 2; group <= 9; group++) {
      if (group != 6 && m.group(group) != null) {
        return true;
      }
    }
    return false;
  }
}
