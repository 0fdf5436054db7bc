package dev.tributary.api.time;

import java.math.BigDecimal;
import java.time.Duration;
import java.util.Map;

/**
 * Parses durations written the way Go's {@code time.ParseDuration} reads them ({@code 1s}, {@code
 * 500ms}, {@code 1h30m}, {@code -1.5h}), because Knative's flags and schedules ({@code heartbeats
 * --period}, {@code @every 5m}) take them in that form. Error messages are Go's.
 */
public final class GoDuration {

  private static final Map<String, BigDecimal> NANOS_PER_UNIT =
      Map.of(
          "ns", BigDecimal.ONE,
          "us", BigDecimal.valueOf(1_000L),
          "µs", BigDecimal.valueOf(1_000L), // U+00B5 micro sign
          "μs", BigDecimal.valueOf(1_000L), // U+03BC Greek mu
          "ms", BigDecimal.valueOf(1_000_000L),
          "s", BigDecimal.valueOf(1_000_000_000L),
          "m", BigDecimal.valueOf(60_000_000_000L),
          "h", BigDecimal.valueOf(3_600_000_000_000L));

  private GoDuration() {}

  /**
   * Parses {@code text}.
   *
   * @throws IllegalArgumentException with Go's message, e.g. {@code time: invalid duration "x"}
   */
  public static Duration parse(String text) {
    String s = text;
    boolean negative = false;
    if (!s.isEmpty() && (s.charAt(0) == '-' || s.charAt(0) == '+')) {
      negative = s.charAt(0) == '-';
      s = s.substring(1);
    }
    if (s.equals("0")) {
      return Duration.ZERO;
    }
    if (s.isEmpty()) {
      throw invalid(text);
    }
    BigDecimal nanos = BigDecimal.ZERO;
    int i = 0;
    while (i < s.length()) {
      int numberStart = i;
      while (i < s.length() && Character.isDigit(s.charAt(i))) {
        i++;
      }
      int integerEnd = i;
      int fractionEnd = i;
      if (i < s.length() && s.charAt(i) == '.') {
        i++;
        while (i < s.length() && Character.isDigit(s.charAt(i))) {
          i++;
        }
        fractionEnd = i;
      }
      boolean hasInteger = integerEnd > numberStart;
      boolean hasFraction = fractionEnd > integerEnd + 1;
      if (!hasInteger && !hasFraction) {
        throw invalid(text); // no digits at all, e.g. ".s" or "s"
      }
      int unitStart = i;
      while (i < s.length() && s.charAt(i) != '.' && !Character.isDigit(s.charAt(i))) {
        i++;
      }
      String unit = s.substring(unitStart, i);
      if (unit.isEmpty()) {
        throw new IllegalArgumentException("time: missing unit in duration " + quote(text));
      }
      BigDecimal perUnit = NANOS_PER_UNIT.get(unit);
      if (perUnit == null) {
        throw new IllegalArgumentException(
            "time: unknown unit " + quote(unit) + " in duration " + quote(text));
      }
      String number = s.substring(numberStart, fractionEnd);
      if (number.endsWith(".")) {
        number = number + "0";
      }
      if (number.startsWith(".")) {
        number = "0" + number;
      }
      nanos = nanos.add(new BigDecimal(number).multiply(perUnit));
    }
    if (nanos.compareTo(BigDecimal.valueOf(Long.MAX_VALUE)) > 0) {
      throw invalid(text); // Go rejects values that overflow int64 nanoseconds
    }
    long total = nanos.longValue(); // Go truncates fractional nanoseconds
    return Duration.ofNanos(negative ? -total : total);
  }

  private static IllegalArgumentException invalid(String text) {
    return new IllegalArgumentException("time: invalid duration " + quote(text));
  }

  private static String quote(String s) {
    return '"' + s + '"';
  }
}
