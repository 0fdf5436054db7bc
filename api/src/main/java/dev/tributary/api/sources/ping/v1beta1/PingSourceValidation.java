package dev.tributary.api.sources.ping.v1beta1;

import dev.tributary.api.cron.CronParseException;
import dev.tributary.api.cron.CronParser;
import dev.tributary.api.duck.DeliverySpecValidation;
import dev.tributary.api.duck.Destination;
import dev.tributary.api.duck.DestinationValidation;
import dev.tributary.api.sources.ping.PingDefaultsConfig;
import dev.tributary.api.validation.FieldError;
import java.nio.charset.StandardCharsets;

/**
 * v1beta1 PingSource validation, as upstream's v0.22 {@code PingSourceSpec.Validate}, which is
 * looser than v1's: the schedule (with {@code CRON_TZ=<timezone> } when a timezone is set) is
 * parsed with robfig's {@code ParseStandard} (exactly five fields, descriptors including {@code
 * @every} allowed); {@code jsonData} is only size-limited, not checked as JSON; only the sink is
 * validated, not {@code ceOverrides}. Tributary's {@code delivery} is validated too.
 *
 * <p>Stateless and thread-safe.
 */
public final class PingSourceValidation {
  private PingSourceValidation() {}

  /** Errors of {@code source}, with paths from {@code spec.}, with no payload size limit. */
  public static FieldError validate(PingSource source) {
    return validate(source, PingDefaultsConfig.DEFAULT);
  }

  /** Errors of {@code source}, with paths from {@code spec.}, under {@code config}'s limit. */
  public static FieldError validate(PingSource source, PingDefaultsConfig config) {
    return validateSpec(source.getSpec(), config).viaField("spec");
  }

  /** Errors of {@code spec} (null is taken as empty), with paths relative to it. */
  public static FieldError validateSpec(PingSourceSpec spec, PingDefaultsConfig config) {
    PingSourceSpec s = spec == null ? PingSourceSpec.EMPTY : spec;
    FieldError errs = FieldError.NONE;
    String schedule =
        s.timezone().isEmpty() ? s.schedule() : "CRON_TZ=" + s.timezone() + " " + s.schedule();
    try {
      CronParser.STANDARD.parse(schedule);
    } catch (CronParseException e) {
      errs = FieldError.invalidValue(e.getMessage(), e.isBadLocation() ? "timezone" : "schedule");
    }
    long size = s.jsonData().getBytes(StandardCharsets.UTF_8).length;
    if (config.exceeds(size)) {
      errs =
          errs.also(
              FieldError.invalidValue(
                  "the jsonData length of "
                      + size
                      + " bytes exceeds limit set at "
                      + config.dataMaxSize()
                      + ".",
                  "jsonData"));
    }
    Destination sink = s.sink() == null ? new Destination(null, null, null, null) : s.sink();
    return errs.also(DestinationValidation.validate(sink).viaField("sink"))
        .also(DeliverySpecValidation.validate(s.delivery()).viaField("delivery"));
  }
}
