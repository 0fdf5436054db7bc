package dev.tributary.adapters.ping;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;

/**
 * How long the adapter waits, once asked to stop, before it gives up its leases: upstream's guard
 * against losing or doubling the tick at second 0 of a minute while a standby takes over. When the
 * current second of the minute is greater than {@code K_NO_SHUTDOWN_AFTER}, it waits {@code 60 - s
 * + 1} whole seconds, which lands just past the next minute boundary; otherwise not at all.
 * Stateless.
 */
public final class ShutdownDelay {

  /** The env variable: the last second of a minute at which the adapter still stops at once. */
  public static final String ENV = "K_NO_SHUTDOWN_AFTER";

  /** Upstream's default, also used for a value outside 0-59. */
  public static final int DEFAULT_NO_SHUTDOWN_AFTER = 55;

  private ShutdownDelay() {}

  /**
   * The wait before stopping at {@code now}.
   *
   * @param noShutdownAfter 0-59
   */
  public static Duration before(Instant now, int noShutdownAfter) {
    int second = now.atOffset(ZoneOffset.UTC).getSecond();
    if (second > noShutdownAfter) {
      return Duration.ofSeconds(60 - second + 1);
    }
    return Duration.ZERO;
  }
}
