package dev.tributary.api.cron;

import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Locale;

/**
 * Reads times written the way robfig/cron's tests write them: {@code Mon Jul 9 14:45 2012}, {@code
 * Mon Jul 9 14:45:00.005 2012} (wall times in a "local" zone), {@code 2012-03-11T00:00:00-0500} (an
 * instant), optionally prefixed {@code TZ=<zone> } to say which zone the time is seen in.
 */
final class RobfigTimes {

  private static final List<DateTimeFormatter> WALL_FORMATS =
      List.of(
          DateTimeFormatter.ofPattern("MMM d HH:mm yyyy", Locale.ENGLISH),
          DateTimeFormatter.ofPattern("MMM d HH:mm:ss yyyy", Locale.ENGLISH),
          DateTimeFormatter.ofPattern("MMM d HH:mm:ss.SSS yyyy", Locale.ENGLISH));
  private static final DateTimeFormatter OFFSET_FORMAT =
      DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ssZ");

  private RobfigTimes() {}

  /** The time {@code value} denotes, in {@code local} unless it names a zone; null for "". */
  static ZonedDateTime parse(String value, ZoneId local) {
    if (value == null || value.isBlank()) {
      return null;
    }
    String text = value.strip();
    ZoneId zone = local;
    if (text.startsWith("TZ=")) {
      String[] parts = text.split(" ", 2);
      zone = ZoneId.of(parts[0].substring(3));
      text = parts[1];
    }
    // Go ignores the weekday name when parsing, and some of robfig's are wrong (Thu Jul 11 2012
    // was a Wednesday), so it is dropped here.
    String withoutWeekday = text.substring(text.indexOf(' ') + 1);
    for (DateTimeFormatter format : WALL_FORMATS) {
      try {
        return LocalDateTime.parse(withoutWeekday, format).atZone(zone);
      } catch (DateTimeParseException e) {
        // try the next layout, as robfig's getTime does
      }
    }
    return OffsetDateTime.parse(text, OFFSET_FORMAT).atZoneSameInstant(zone);
  }
}
