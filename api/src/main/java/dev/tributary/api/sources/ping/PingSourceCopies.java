package dev.tributary.api.sources.ping;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.fabric8.kubernetes.api.model.ObjectMeta;

/**
 * Deep copies of the mutable parts of a PingSource, for conversions between API versions: the
 * converted object never shares a map, list or bean with its input. Specs are immutable records and
 * need no copy.
 *
 * <p>Thread-safe.
 */
public final class PingSourceCopies {
  // Configured once here and never changed afterwards; ObjectMapper is thread-safe for use.
  private static final ObjectMapper MAPPER =
      new ObjectMapper().configure(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES, false);

  private PingSourceCopies() {}

  /** A deep copy of {@code metadata}; null stays null. */
  public static ObjectMeta metadata(ObjectMeta metadata) {
    return metadata == null ? null : MAPPER.convertValue(metadata, ObjectMeta.class);
  }

  /** A deep copy of {@code status}; null stays null. */
  public static PingSourceStatus status(PingSourceStatus status) {
    return status == null ? null : MAPPER.convertValue(status, PingSourceStatus.class);
  }
}
