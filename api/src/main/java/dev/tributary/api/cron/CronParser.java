package dev.tributary.api.cron;

import dev.tributary.api.time.GoDuration;
import java.time.Duration;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;

/**
 * Parses cron specs exactly as robfig/cron v3.0.1 does, with one of the two option sets Knative
 * uses. Thread-safe and stateless.
 *
 * <p>What a spec may contain:
 *
 * <ul>
 *   <li>An optional leading {@code TZ=<zone> } or {@code CRON_TZ=<zone> } (zone name up to the
 *       first space; see {@link #parse} for the names accepted).
 *   <li>Either a descriptor: {@code @yearly} (= {@code @annually}), {@code @monthly}, {@code
 *       @weekly} (Sunday 00:00), {@code @daily} (= {@code @midnight}), {@code @hourly}, {@code
 *       @every <Go duration>};
 *   <li>or whitespace-separated fields: [second] minute hour day-of-month month day-of-week. Each
 *       field is a comma list of {@code *}, {@code ?}, {@code n}, {@code a-b}, optionally with
 *       {@code /step}; {@code n/step} runs from n to the field's maximum. Months take {@code
 *       jan}-{@code dec}, weekdays {@code sun}-{@code sat} (0-6; 7 is not Sunday).
 *   <li>Day-of-month and day-of-week: if either is {@code *} or {@code ?} (a step of 1 allowed),
 *       a day must match both; otherwise matching either is enough, as in classic cron.
 * </ul>
 */
public final class CronParser {

  /**
   * Knative's parser for {@code v1} and {@code v1beta2} PingSources: robfig's {@code SecondOptional
   * | Minute | Hour | Dom | Month | Dow | Descriptor}. Five fields, or six with a leading seconds
   * field; descriptors allowed.
   *
   * <p>It accepts {@code @every}, as robfig does. Knative refuses {@code @every} before parsing,
   * with its own message: check {@link #containsEveryDescriptor} first.
   */
  public static final CronParser KNATIVE = new CronParser(true);

  /**
   * robfig's {@code ParseStandard}, used for {@code v1beta1} PingSources: {@code Minute | Hour |
   * Dom | Month | Dow | Descriptor}. Exactly five fields; descriptors, {@code @every} included,
   * allowed.
   */
  public static final CronParser STANDARD = new CronParser(false);

  private static final String EVERY = "@every";

  private final boolean secondsOptional;

  private CronParser(boolean secondsOptional) {
    this.secondsOptional = secondsOptional;
  }

  /**
   * Knative's textual {@code @every} test ({@code strings.Contains(schedule, "@every")}), applied
   * to {@code spec.schedule} before any time-zone prefix is added. When it is true, Knative's
   * validation reports "unsupported descriptor @every" at {@code spec.schedule}, and still parses
   * the spec (so a second, parse error may be reported too).
   */
  public static boolean containsEveryDescriptor(String schedule) {
    return schedule.contains(EVERY);
  }

  /**
   * Parses {@code spec}.
   *
   * <p>Zone names: {@code UTC} and an empty name are UTC; {@code Local} means "no zone of its own"
   * (robfig's {@code time.Local}: the schedule computes in the zone of the time passed to {@link
   * CronSchedule#next}, never this JVM's default); any other name must be an IANA region ID, else
   * the error is {@code provided bad location X: unknown time zone X}.
   *
   * <p>One deliberate difference: robfig panics (slice out of range) on a prefix with no space
   * after it, e.g. {@code TZ=UTC}. Here the whole rest is the zone name and the schedule is empty,
   * so it fails as {@code TZ=UTC } does ({@code expected 5 to 6 fields, found 0: []}).
   *
   * @throws CronParseException with robfig's message when robfig would return an error
   */
  public CronSchedule parse(String spec) throws CronParseException {
    if (spec.isEmpty()) {
      throw new CronParseException("empty spec string");
    }

    ZoneId zone = null; // robfig's time.Local: compute in the caller's zone
    String rest = spec;
    if (spec.startsWith("TZ=") || spec.startsWith("CRON_TZ=")) {
      int space = spec.indexOf(' ');
      int end = space < 0 ? spec.length() : space;
      String name = spec.substring(spec.indexOf('=') + 1, end);
      try {
        zone = GoLocations.load(name).orElse(null);
      } catch (IllegalArgumentException e) {
        throw new CronParseException(
            CronParseException.BAD_LOCATION_PREFIX + " " + name + ": " + e.getMessage());
      }
      rest = GoText.trimSpace(spec.substring(end));
    }

    if (rest.startsWith("@")) {
      return descriptor(rest, zone);
    }

    List<String> fields = normalize(GoText.fields(rest));
    return new FieldSchedule(
        FieldExpressions.field(fields.get(0), FieldBounds.SECONDS),
        FieldExpressions.field(fields.get(1), FieldBounds.MINUTES),
        FieldExpressions.field(fields.get(2), FieldBounds.HOURS),
        FieldExpressions.field(fields.get(3), FieldBounds.DAYS_OF_MONTH),
        FieldExpressions.field(fields.get(4), FieldBounds.MONTHS),
        FieldExpressions.field(fields.get(5), FieldBounds.DAYS_OF_WEEK),
        zone);
  }

  /** Checks the field count and returns all six fields, seconds first (defaulting to "0"). */
  private List<String> normalize(List<String> fields) throws CronParseException {
    int max = secondsOptional ? 6 : 5;
    int min = 5;
    int count = fields.size();
    if (count < min || count > max) {
      String found = count + ": " + GoText.formatList(fields);
      throw new CronParseException(
          min == max
              ? "expected exactly " + min + " fields, found " + found
              : "expected " + min + " to " + max + " fields, found " + found);
    }
    if (count == 6) {
      return fields;
    }
    List<String> withSeconds = new ArrayList<>(6);
    withSeconds.add("0");
    withSeconds.addAll(fields);
    return withSeconds;
  }

  private static CronSchedule descriptor(String descriptor, ZoneId zone) throws CronParseException {
    long first = 1L << FieldBounds.SECONDS.min(); // second, minute, hour 0
    long dom1 = 1L << FieldBounds.DAYS_OF_MONTH.min();
    long jan = 1L << FieldBounds.MONTHS.min();
    long sunday = 1L << FieldBounds.DAYS_OF_WEEK.min();
    long allHours = FieldBounds.HOURS.all();
    long allDom = FieldBounds.DAYS_OF_MONTH.all();
    long allMonths = FieldBounds.MONTHS.all();
    long allDow = FieldBounds.DAYS_OF_WEEK.all();
    switch (descriptor) {
      case "@yearly", "@annually" -> {
        return new FieldSchedule(first, first, first, dom1, jan, allDow, zone);
      }
      case "@monthly" -> {
        return new FieldSchedule(first, first, first, dom1, allMonths, allDow, zone);
      }
      case "@weekly" -> {
        return new FieldSchedule(first, first, first, allDom, allMonths, sunday, zone);
      }
      case "@daily", "@midnight" -> {
        return new FieldSchedule(first, first, first, allDom, allMonths, allDow, zone);
      }
      case "@hourly" -> {
        return new FieldSchedule(first, first, allHours, allDom, allMonths, allDow, zone);
      }
      default -> {
        // handled below
      }
    }
    String everyPrefix = EVERY + " ";
    if (descriptor.startsWith(everyPrefix)) {
      Duration duration;
      try {
        duration = GoDuration.parse(descriptor.substring(everyPrefix.length()));
      } catch (IllegalArgumentException e) {
        throw new CronParseException(
            "failed to parse duration " + descriptor + ": " + e.getMessage());
      }
      return ConstantDelaySchedule.every(duration);
    }
    throw new CronParseException("unrecognized descriptor: " + descriptor);
  }

  @Override
  public String toString() {
    return secondsOptional ? "CronParser.KNATIVE" : "CronParser.STANDARD";
  }
}
