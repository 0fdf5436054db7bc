package dev.tributary.api.cron;

import java.time.ZonedDateTime;

/**
 * When a cron schedule fires: robfig/cron v3's {@code Schedule}. Instances come from {@link
 * CronParser}; they are immutable and safe to share between threads.
 */
@FunctionalInterface
public interface CronSchedule {

  /**
   * The first activation strictly after {@code after}.
   *
   * <p>A schedule written with a {@code TZ=}/{@code CRON_TZ=} prefix computes in that zone; one
   * without (or with {@code TZ=Local}) computes in {@code after}'s zone. Either way the result is
   * expressed in {@code after}'s zone. Activations fall on whole seconds.
   *
   * @return the activation, or null when there is none within five years of {@code after} (where
   *     robfig returns Go's zero time), e.g. for {@code 0 0 30 Feb *}
   */
  ZonedDateTime next(ZonedDateTime after);
}
