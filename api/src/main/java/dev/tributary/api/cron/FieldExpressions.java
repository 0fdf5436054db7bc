package dev.tributary.api.cron;

import java.util.Locale;

/**
 * Turns one cron field ({@code 1,5-7/2,*}) into a bit set, with robfig/cron v3's rules and error
 * messages, checked in robfig's order.
 *
 * <ul>
 *   <li>A field is a comma-separated list of ranges; empty list items are dropped, so a field of
 *       only commas matches nothing (robfig accepts it; such a schedule never fires).
 *   <li>A range is {@code *} or {@code ?} (the whole field, and the star bit), {@code n}, {@code
 *       a-b}, each optionally followed by {@code /step}. {@code n/step} means {@code n-max/step}. A
 *       step greater than 1 clears the star bit ({@code *}{@code /2} is not a star; {@code *}{@code
 *       /1} still is). After {@code *} or {@code ?}, anything between a hyphen and the slash is
 *       ignored, as in robfig.
 *   <li>Numbers are Go's Atoi (an optional sign, ASCII digits); months and weekdays also take their
 *       three-letter names, case-insensitively.
 * </ul>
 */
final class FieldExpressions {

  private FieldExpressions() {}

  /** The bits of a whole field. */
  static long field(String field, FieldBounds bounds) throws CronParseException {
    long bits = 0;
    for (String range : field.split(",")) {
      if (!range.isEmpty()) {
        bits |= range(range, bounds);
      }
    }
    return bits;
  }

  /** The bits of one range expression. */
  static long range(String expr, FieldBounds bounds) throws CronParseException {
    String[] rangeAndStep = expr.split("/", -1);
    String[] lowAndHigh = rangeAndStep[0].split("-", -1);
    boolean single = lowAndHigh.length == 1;
    long start;
    long end;
    long extra = 0;
    if (lowAndHigh[0].equals("*") || lowAndHigh[0].equals("?")) {
      start = bounds.min();
      end = bounds.max();
      extra = FieldSchedule.STAR_BIT;
    } else {
      start = intOrName(lowAndHigh[0], bounds);
      if (lowAndHigh.length == 1) {
        end = start;
      } else if (lowAndHigh.length == 2) {
        end = intOrName(lowAndHigh[1], bounds);
      } else {
        throw new CronParseException("too many hyphens: " + expr);
      }
    }

    long step;
    if (rangeAndStep.length == 1) {
      step = 1;
    } else if (rangeAndStep.length == 2) {
      step = nonNegativeInt(rangeAndStep[1]);
      if (single) {
        end = bounds.max();
      }
      if (step > 1) {
        extra = 0;
      }
    } else {
      throw new CronParseException("too many slashes: " + expr);
    }

    if (start < bounds.min()) {
      throw new CronParseException(
          "beginning of range (" + start + ") below minimum (" + bounds.min() + "): " + expr);
    }
    if (end > bounds.max()) {
      throw new CronParseException(
          "end of range (" + end + ") above maximum (" + bounds.max() + "): " + expr);
    }
    if (start > end) {
      throw new CronParseException(
          "beginning of range (" + start + ") beyond end of range (" + end + "): " + expr);
    }
    if (step == 0) {
      throw new CronParseException("step of range should be a positive number: " + expr);
    }
    return bits((int) start, (int) end, step) | extra;
  }

  /** The bits {@code start, start+step, ...} up to {@code end} (both within 0..62). */
  static long bits(int start, int end, long step) {
    long bits = 0;
    for (long i = start; i <= end; i += step) {
      bits |= 1L << i;
      if (step > end - i) {
        break; // the next value would pass end; also keeps a huge step from overflowing i
      }
    }
    return bits;
  }

  private static long intOrName(String expr, FieldBounds bounds) throws CronParseException {
    Integer named = bounds.names().get(expr.toLowerCase(Locale.ROOT));
    return named != null ? named : nonNegativeInt(expr);
  }

  private static long nonNegativeInt(String expr) throws CronParseException {
    long value;
    try {
      value = GoAtoi.parse(expr);
    } catch (IllegalArgumentException e) {
      throw new CronParseException("failed to parse int from " + expr + ": " + e.getMessage());
    }
    if (value < 0) {
      throw new CronParseException("negative number (" + value + ") not allowed: " + expr);
    }
    return value;
  }
}
