package dev.tributary.api.cron;

import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.zone.ZoneRulesProvider;
import java.util.Optional;

/**
 * Go's {@code time.LoadLocation} as far as robfig/cron's {@code TZ=} / {@code CRON_TZ=} prefix
 * needs it.
 *
 * <ul>
 *   <li>{@code ""} and {@code "UTC"} are UTC.
 *   <li>{@code "Local"} is Go's {@code time.Local}. robfig treats a schedule in {@code time.Local}
 *       exactly like one without a prefix: it computes in the zone of the time it is given. So
 *       {@code Local} yields "no zone of its own" here too; never this JVM's default zone.
 *   <li>A name containing {@code ..} or starting with a slash or backslash is rejected with Go's
 *       {@code time: invalid location name}.
 *   <li>Anything else must be an IANA region ID known to the JDK's tz database; otherwise the error
 *       is Go's {@code unknown time zone <name>}. Java-only spellings such as {@code Z}, {@code
 *       +01:00} or {@code UTC+1} are refused, as Go refuses them. Go looks names up as files under
 *       a zoneinfo directory, so the two sets agree on IANA names but may differ on oddities of a
 *       particular tzdata installation (e.g. {@code posix/...}).
 * </ul>
 */
final class GoLocations {

  private GoLocations() {}

  /**
   * Loads {@code name}.
   *
   * @return the zone, or empty for Go's {@code Local} (compute in the caller's zone)
   * @throws IllegalArgumentException whose message is Go's error text
   */
  static Optional<ZoneId> load(String name) {
    if (name.isEmpty() || name.equals("UTC")) {
      return Optional.of(ZoneOffset.UTC);
    }
    if (name.equals("Local")) {
      return Optional.empty();
    }
    if (name.contains("..") || name.charAt(0) == '/' || name.charAt(0) == '\\') {
      throw new IllegalArgumentException("time: invalid location name");
    }
    if (!ZoneRulesProvider.getAvailableZoneIds().contains(name)) {
      throw new IllegalArgumentException("unknown time zone " + name);
    }
    return Optional.of(ZoneId.of(name));
  }
}
