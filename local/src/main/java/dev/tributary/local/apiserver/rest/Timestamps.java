package dev.tributary.local.apiserver.rest;

import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;
import java.util.Optional;

/** Kubernetes' timestamps: RFC 3339 in UTC with whole seconds, {@code 2025-01-01T10:00:00Z}. */
public final class Timestamps {

  private Timestamps() {}

  /** {@code instant} truncated to seconds, as Kubernetes writes {@code metav1.Time}. */
  public static String format(Instant instant) {
    return instant.truncatedTo(ChronoUnit.SECONDS).toString();
  }

  /** The instant {@code text} denotes, or empty if it is not an RFC 3339 timestamp. */
  public static Optional<Instant> parse(String text) {
    if (text == null || text.isEmpty()) {
      return Optional.empty();
    }
    try {
      return Optional.of(Instant.parse(text));
    } catch (DateTimeParseException e) {
      return Optional.empty();
    }
  }
}
