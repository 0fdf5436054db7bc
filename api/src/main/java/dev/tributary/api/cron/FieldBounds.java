package dev.tributary.api.cron;

import java.util.Map;

/**
 * The values one cron field accepts, and the names that stand for some of them.
 *
 * @param min the smallest value
 * @param max the largest value (at most 62: bit 63 is {@link FieldSchedule#STAR_BIT})
 * @param names lower-case names and their values ({@code jan} = 1); empty when the field has none
 */
record FieldBounds(int min, int max, Map<String, Integer> names) {

  static final FieldBounds SECONDS = new FieldBounds(0, 59, Map.of());
  static final FieldBounds MINUTES = new FieldBounds(0, 59, Map.of());
  static final FieldBounds HOURS = new FieldBounds(0, 23, Map.of());
  static final FieldBounds DAYS_OF_MONTH = new FieldBounds(1, 31, Map.of());
  static final FieldBounds MONTHS =
      new FieldBounds(
          1,
          12,
          Map.ofEntries(
              Map.entry("jan", 1),
              Map.entry("feb", 2),
              Map.entry("mar", 3),
              Map.entry("apr", 4),
              Map.entry("may", 5),
              Map.entry("jun", 6),
              Map.entry("jul", 7),
              Map.entry("aug", 8),
              Map.entry("sep", 9),
              Map.entry("oct", 10),
              Map.entry("nov", 11),
              Map.entry("dec", 12)));

  /** Sunday is 0; robfig does not accept 7 for Sunday. */
  static final FieldBounds DAYS_OF_WEEK =
      new FieldBounds(
          0, 6, Map.of("sun", 0, "mon", 1, "tue", 2, "wed", 3, "thu", 4, "fri", 5, "sat", 6));

  FieldBounds {
    if (min < 0 || max > 62 || min > max) {
      throw new IllegalArgumentException("bounds must lie within 0..62: " + min + ".." + max);
    }
    names = Map.copyOf(names);
  }

  /** Every value of the field, plus the star bit: what {@code *} means. */
  long all() {
    return FieldExpressions.bits(min, max, 1) | FieldSchedule.STAR_BIT;
  }
}
