package dev.tributary.local.apiserver.protobuf;

/**
 * Formats nanoseconds the way Go's {@code time.Duration.String} does ({@code 1h0m0s}, {@code 1.5s},
 * {@code 100ms}, {@code 0s}): the JSON form of a {@code metav1.Duration}. Stateless.
 */
final class GoDuration {

  private static final long MICRO = 1_000L;
  private static final long MILLI = 1_000_000L;
  private static final long SECOND = 1_000_000_000L;

  private GoDuration() {}

  static String format(long nanos) {
    if (nanos == 0) {
      return "0s";
    }
    StringBuilder text = new StringBuilder();
    if (nanos < 0) {
      text.append('-');
    }
    // Long.MIN_VALUE has no positive counterpart: work on the unsigned magnitude.
    long magnitude = nanos < 0 ? -nanos : nanos;
    if (Long.compareUnsigned(magnitude, SECOND) < 0) {
      if (magnitude < MICRO) {
        return text.append(magnitude).append("ns").toString();
      }
      if (magnitude < MILLI) {
        return decimal(text, magnitude, MICRO, 3).append("µs").toString();
      }
      return decimal(text, magnitude, MILLI, 6).append("ms").toString();
    }
    long seconds = Long.divideUnsigned(magnitude, SECOND);
    long fraction = Long.remainderUnsigned(magnitude, SECOND);
    if (seconds >= 3600) {
      text.append(seconds / 3600).append('h');
    }
    if (seconds >= 60) {
      text.append(seconds / 60 % 60).append('m');
    }
    text.append(seconds % 60);
    fraction(text, fraction, 9);
    return text.append('s').toString();
  }

  /** {@code value / unit} with up to {@code digits} fractional digits, trailing zeros dropped. */
  private static StringBuilder decimal(StringBuilder text, long value, long unit, int digits) {
    text.append(value / unit);
    fraction(text, value % unit, digits);
    return text;
  }

  private static void fraction(StringBuilder text, long fraction, int digits) {
    if (fraction == 0) {
      return;
    }
    String padded = String.format("%0" + digits + "d", fraction);
    int end = padded.length();
    while (padded.charAt(end - 1) == '0') {
      end--;
    }
    text.append('.').append(padded, 0, end);
  }
}
