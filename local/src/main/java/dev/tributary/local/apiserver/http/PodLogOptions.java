package dev.tributary.local.apiserver.http;

import dev.tributary.api.validation.GoQuote;
import dev.tributary.local.apiserver.errors.ApiErrors;
import dev.tributary.local.apiserver.errors.FieldCause;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The query of a {@code pods/log} request, as Kubernetes' {@code PodLogOptions}. Absent numbers are
 * null.
 *
 * @param container the container asked for, empty for the default
 * @param follow stream until the container's run ends
 * @param previous the previous run (the last terminated container)
 * @param timestamps prefix each line with its RFC3339Nano time and a space
 * @param tailLines only the last lines
 * @param limitBytes stop after this many bytes
 * @param sinceSeconds only lines written in the last seconds
 * @param sinceTime only lines written at or after this time
 */
record PodLogOptions(
    String container,
    boolean follow,
    boolean previous,
    boolean timestamps,
    Long tailLines,
    Long limitBytes,
    Long sinceSeconds,
    Instant sinceTime) {

  /**
   * Parses and validates the query as kube-apiserver's {@code ValidatePodLogOptions} does.
   *
   * @throws dev.tributary.local.apiserver.errors.ApiException 400 for values that are not numbers,
   *     booleans or times; 422 Invalid {@code PodLogOptions "POD"} for values out of range
   */
  static PodLogOptions parse(String podName, Map<String, String> query) {
    PodLogOptions options =
        new PodLogOptions(
            query.getOrDefault("container", ""),
            Query.bool(query, "follow"),
            Query.bool(query, "previous"),
            Query.bool(query, "timestamps"),
            number(query, "tailLines"),
            number(query, "limitBytes"),
            number(query, "sinceSeconds"),
            time(query, "sinceTime"));
    List<FieldCause> causes = new ArrayList<>();
    if (options.tailLines != null && options.tailLines < 0) {
      causes.add(
          FieldCause.invalid("tailLines", options.tailLines, "must be greater than or equal to 0"));
    }
    if (options.limitBytes != null && options.limitBytes < 1) {
      causes.add(FieldCause.invalid("limitBytes", options.limitBytes, "must be greater than 0"));
    }
    if (options.sinceSeconds != null && options.sinceTime != null) {
      causes.add(
          FieldCause.forbidden(
              "", "at most one of `sinceTime` or `sinceSeconds` may be specified"));
    } else if (options.sinceSeconds != null && options.sinceSeconds < 1) {
      causes.add(
          FieldCause.invalid("sinceSeconds", options.sinceSeconds, "must be greater than 0"));
    }
    if (!causes.isEmpty()) {
      throw ApiErrors.invalid("", "PodLogOptions", podName, causes);
    }
    return options;
  }

  /** The earliest time a line may have to be served, or null for every line. */
  Instant since(Instant now) {
    if (sinceTime != null) {
      return sinceTime;
    }
    return sinceSeconds == null ? null : now.minusSeconds(sinceSeconds);
  }

  private static Long number(Map<String, String> query, String name) {
    String value = query.get(name);
    if (value == null || value.isEmpty()) {
      return null;
    }
    try {
      return Long.parseLong(value);
    } catch (NumberFormatException e) {
      throw ApiErrors.badRequest(
          "invalid value for "
              + name
              + ": strconv.ParseInt: parsing "
              + GoQuote.quote(value)
              + ": invalid syntax");
    }
  }

  private static Instant time(Map<String, String> query, String name) {
    String value = query.get(name);
    if (value == null || value.isEmpty()) {
      return null;
    }
    try {
      return OffsetDateTime.parse(value).toInstant();
    } catch (DateTimeParseException e) {
      throw ApiErrors.badRequest(
          "invalid value for " + name + ": " + GoQuote.quote(value) + " is not an RFC3339 time");
    }
  }
}
