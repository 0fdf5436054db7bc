package dev.tributary.local.kube.batch;

import dev.tributary.api.cron.CronParseException;
import dev.tributary.api.cron.CronParser;
import dev.tributary.api.cron.CronSchedule;
import io.fabric8.kubernetes.api.model.batch.v1.CronJob;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.util.Optional;

/**
 * When a CronJob fires, as the CronJob controller's {@code mostRecentScheduleTime} and {@code
 * nextScheduleTime}: its {@code schedule} parsed as robfig's standard five fields, in {@code
 * spec.timeZone} when set, else in UTC. Immutable.
 */
public record CronJobSchedule(CronSchedule schedule) {

  /**
   * @throws CronParseException with robfig's message when the schedule does not parse
   */
  public static CronJobSchedule of(CronJob cronJob) throws CronParseException {
    String spec = cronJob.getSpec().getSchedule();
    String zone = cronJob.getSpec().getTimeZone();
    if (zone != null && !zone.isEmpty()) {
      spec = "CRON_TZ=" + zone + " " + spec;
    }
    return new CronJobSchedule(CronParser.STANDARD.parse(spec));
  }

  /**
   * The latest activation in ({@code earliest}, {@code now}], if any: the one a Job is due for.
   * Activations missed before it are skipped, as Kubernetes does.
   */
  public Optional<Instant> mostRecent(Instant earliest, Instant now) {
    Instant found = null;
    Instant next = next(earliest);
    while (next != null && !next.isAfter(now)) {
      found = next;
      next = next(next);
    }
    return Optional.ofNullable(found);
  }

  /** The first activation strictly after {@code after}, or null when there is none. */
  public Instant next(Instant after) {
    ZonedDateTime next = schedule.next(after.atZone(ZoneOffset.UTC));
    return next == null ? null : next.toInstant();
  }
}
