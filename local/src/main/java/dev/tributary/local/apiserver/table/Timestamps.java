package dev.tributary.local.apiserver.table;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;
import java.util.Optional;

/** RFC 3339 timestamps as Kubernetes objects carry them, and the ages printed from them. */
final class Timestamps {

  private static final DateTimeFormatter RFC3339_SECONDS =
      DateTimeFormatter.ofPattern("uuuu-MM-dd'T'HH:mm:ssXXX");

  private Timestamps() {}

  /**
   * Parses an RFC 3339 timestamp (fractional seconds allowed). Empty when the node is absent,
   * {@code null}, empty or {@code "null"} (Kubernetes' zero time) or not a valid timestamp.
   */
  static Optional<Instant> parse(JsonNode node) {
    if (node == null || !node.isTextual()) {
      return Optional.empty();
    }
    return parse(node.textValue());
  }

  static Optional<Instant> parse(String text) {
    if (text.isEmpty() || text.equals("null")) {
      return Optional.empty();
    }
    try {
      return Optional.of(OffsetDateTime.parse(text).toInstant());
    } catch (DateTimeParseException e) {
      return Optional.empty();
    }
  }

  /** A built-in printer's age: {@link HumanDuration#human}, or {@code <unknown>} with no time. */
  static String age(JsonNode timestamp, Instant now) {
    return parse(timestamp)
        .map(t -> HumanDuration.human(Duration.between(t, now)))
        .orElse("<unknown>");
  }

  /** {@code time.RFC3339} in UTC, whole seconds: {@code 2025-01-01T10:00:00Z}. */
  static String rfc3339(Instant instant) {
    return RFC3339_SECONDS.format(instant.truncatedTo(ChronoUnit.SECONDS).atOffset(ZoneOffset.UTC));
  }
}
