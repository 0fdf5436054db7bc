package dev.tributary.api.sources.ping;

import java.util.Map;
import java.util.regex.Pattern;

/**
 * The {@code config-ping-defaults} ConfigMap (namespace {@code knative-eventing}): the limit on the
 * size of a PingSource's payload that validation enforces.
 *
 * @param dataMaxSize the largest {@code data} (or encoded {@code dataBase64}) in bytes; negative
 *     means no limit (normalised to {@code -1}, as upstream)
 */
public record PingDefaultsConfig(long dataMaxSize) {

  public static final String CONFIG_MAP_NAME = "config-ping-defaults";
  public static final String DATA_MAX_SIZE_KEY = "data-max-size";

  /** The key older releases used; still read, and overridden by {@link #DATA_MAX_SIZE_KEY}. */
  public static final String LEGACY_DATA_MAX_SIZE_KEY = "dataMaxSize";

  public static final long NO_LIMIT = -1;

  /** No limit: what an absent or empty ConfigMap means. */
  public static final PingDefaultsConfig DEFAULT = new PingDefaultsConfig(NO_LIMIT);

  private static final Pattern INT = Pattern.compile("[+-]?[0-9]+");

  public PingDefaultsConfig {
    if (dataMaxSize < 0) {
      dataMaxSize = NO_LIMIT;
    }
  }

  /** True when a payload of {@code size} bytes exceeds the limit. */
  public boolean exceeds(long size) {
    return dataMaxSize > NO_LIMIT && size > dataMaxSize;
  }

  /**
   * Reads the ConfigMap's data as upstream does.
   *
   * @throws IllegalArgumentException with Go's message, e.g. {@code failed to parse
   *     "data-max-size": strconv.ParseInt: parsing "x": invalid syntax}, when a value is not a
   *     decimal int64
   */
  public static PingDefaultsConfig fromConfigMap(Map<String, String> data) {
    long size = NO_LIMIT;
    if (data != null) {
      size = parse(data, LEGACY_DATA_MAX_SIZE_KEY, size);
      size = parse(data, DATA_MAX_SIZE_KEY, size);
    }
    return new PingDefaultsConfig(size);
  }

  private static long parse(Map<String, String> data, String key, long fallback) {
    String raw = data.get(key);
    if (raw == null) {
      return fallback;
    }
    String reason = "invalid syntax";
    if (INT.matcher(raw).matches()) {
      try {
        return Long.parseLong(raw);
      } catch (NumberFormatException e) {
        reason = "value out of range";
      }
    }
    throw new IllegalArgumentException(
        "failed to parse \""
            + key
            + "\": strconv.ParseInt: parsing "
            + dev.tributary.api.validation.GoQuote.quote(raw)
            + ": "
            + reason);
  }
}
