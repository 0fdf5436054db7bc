package dev.tributary.api.cron;

/**
 * A cron spec robfig/cron v3 would reject. {@link #getMessage()} is robfig's error text, byte for
 * byte (e.g. {@code expected 5 to 6 fields, found 7: [* * * * * * *]}), because Knative reports it
 * verbatim in the PingSource's validation error.
 */
public final class CronParseException extends Exception {

  private static final long serialVersionUID = 1L;

  /** The start of robfig's message for a time zone that does not load. */
  public static final String BAD_LOCATION_PREFIX = "provided bad location";

  public CronParseException(String message) {
    super(message);
  }

  /**
   * Whether the spec was rejected for its {@code TZ=}/{@code CRON_TZ=} zone. Knative reports these
   * errors at {@code spec.timezone} and every other one at {@code spec.schedule}; it tells them
   * apart by this same message prefix.
   */
  public boolean isBadLocation() {
    return getMessage().startsWith(BAD_LOCATION_PREFIX);
  }
}
