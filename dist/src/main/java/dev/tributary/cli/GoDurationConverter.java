package dev.tributary.cli;

import java.time.Duration;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.TypeConversionException;

/**
 * Reads a duration as kubectl's flags take one ({@code 60s}, {@code 2m}, {@code 1m30s}, {@code
 * 500ms}, {@code 1h}): whole numbers with units, largest first or not, or a bare {@code 0}.
 */
final class GoDurationConverter implements ITypeConverter<Duration> {

  private static final Pattern PART = Pattern.compile("(\\d+)(ms|h|m|s)");

  @Override
  public Duration convert(String value) {
    if (value.equals("0")) {
      return Duration.ZERO;
    }
    Matcher part = PART.matcher(value);
    Duration total = Duration.ZERO;
    int end = 0;
    while (part.lookingAt()) {
      long amount = Long.parseLong(part.group(1));
      total =
          total.plus(
              switch (part.group(2)) {
                case "h" -> Duration.ofHours(amount);
                case "m" -> Duration.ofMinutes(amount);
                case "s" -> Duration.ofSeconds(amount);
                default -> Duration.ofMillis(amount);
              });
      end = part.end();
      part.region(end, value.length());
    }
    if (end == 0 || end != value.length()) {
      throw new TypeConversionException(
          "'" + value + "' is not a duration such as 60s, 2m or 1m30s");
    }
    return total;
  }

  /** {@code duration} the way this converter reads it back: {@code 60s}, {@code 1m30s}. */
  static String format(Duration duration) {
    if (duration.toMillisPart() != 0 || duration.isZero()) {
      return duration.toMillis() + (duration.isZero() ? "s" : "ms");
    }
    long seconds = duration.toSeconds();
    StringBuilder text = new StringBuilder();
    if (seconds >= 3600) {
      text.append(seconds / 3600).append('h');
    }
    if (seconds % 3600 >= 60) {
      text.append(seconds % 3600 / 60).append('m');
    }
    if (seconds % 60 != 0) {
      text.append(seconds % 60).append('s');
    }
    return text.toString();
  }
}
