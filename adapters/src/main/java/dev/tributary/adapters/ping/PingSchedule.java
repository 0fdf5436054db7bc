package dev.tributary.adapters.ping;

import dev.tributary.api.cron.CronParseException;
import dev.tributary.api.cron.CronParser;
import dev.tributary.api.cron.CronSchedule;
import dev.tributary.api.sources.ping.PingSourceSpec;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.Objects;

/**
 * When a PingSource ticks, in the form {@link dev.tributary.adapters.schedule.TickScheduler} takes.
 *
 * <p>As upstream's adapter: the cron spec is {@code spec.schedule}, prefixed with {@code
 * CRON_TZ=<timezone> } when {@code spec.timezone} is set (the same text validation parses), parsed
 * with {@link CronParser#KNATIVE}. A schedule without a zone of its own computes in {@link
 * #DEFAULT_ZONE}, UTC, the zone Knative's adapter container runs in. Like upstream's adapter (and
 * unlike validation), {@code @every} is not refused here.
 *
 * @param cronSpec the text parsed, prefix included
 * @param cron the parsed schedule
 * @param zone the zone the schedule computes in when {@code cronSpec} has no prefix
 */
public record PingSchedule(String cronSpec, CronSchedule cron, ZoneId zone) {

  /** The zone of schedules without a {@code CRON_TZ=}/{@code TZ=} prefix. */
  public static final ZoneId DEFAULT_ZONE = ZoneOffset.UTC;

  public PingSchedule {
    Objects.requireNonNull(cronSpec, "cronSpec");
    Objects.requireNonNull(cron, "cron");
    Objects.requireNonNull(zone, "zone");
  }

  /** The cron spec {@code spec} means: {@code CRON_TZ=<timezone> <schedule>} with a timezone. */
  public static String cronSpec(PingSourceSpec spec) {
    return spec.timezone().isEmpty()
        ? spec.schedule()
        : "CRON_TZ=" + spec.timezone() + " " + spec.schedule();
  }

  /**
   * Parses the schedule of the source {@code key}.
   *
   * @param key the source's {@code namespace/name}, for the error
   * @throws InvalidPingSourceException with robfig's message, naming {@code spec.timezone} for an
   *     unknown zone and {@code spec.schedule} otherwise (never for a validated source)
   */
  public static PingSchedule of(String key, PingSourceSpec spec) throws InvalidPingSourceException {
    String cronSpec = cronSpec(spec);
    try {
      return new PingSchedule(cronSpec, CronParser.KNATIVE.parse(cronSpec), DEFAULT_ZONE);
    } catch (CronParseException e) {
      String field = e.isBadLocation() ? "spec.timezone" : "spec.schedule";
      throw new InvalidPingSourceException(
          key, field + ": cannot parse \"" + cronSpec + "\": " + e.getMessage(), e);
    }
  }
}
