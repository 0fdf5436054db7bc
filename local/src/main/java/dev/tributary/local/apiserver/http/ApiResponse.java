package dev.tributary.local.apiserver.http;

import com.fasterxml.jackson.databind.JsonNode;
import dev.tributary.local.apiserver.errors.ApiException;
import dev.tributary.local.apiserver.errors.StatusObjects;
import java.nio.charset.StandardCharsets;
import java.util.List;

/**
 * A complete (non-streaming) answer.
 *
 * @param status the HTTP status code
 * @param contentType the Content-Type header
 * @param body the body bytes
 * @param warnings texts for {@code Warning: 299 - "text"} headers
 */
public record ApiResponse(int status, String contentType, byte[] body, List<String> warnings) {

  public ApiResponse {
    warnings = List.copyOf(warnings);
  }

  /** An answer without warnings. */
  public ApiResponse(int status, String contentType, byte[] body) {
    this(status, contentType, body, List.of());
  }

  /** This answer with {@code more} warnings added. */
  public ApiResponse withWarnings(List<String> more) {
    if (more.isEmpty()) {
      return this;
    }
    List<String> all = new java.util.ArrayList<>(warnings);
    all.addAll(more);
    return new ApiResponse(status, contentType, body, all);
  }

  /** The Content-Type of every JSON answer. */
  public static final String JSON = "application/json";

  /** A JSON answer. */
  public static ApiResponse json(int status, JsonNode body) {
    return new ApiResponse(status, JSON, Json.bytes(body));
  }

  /** A JSON answer with a specific Content-Type (aggregated discovery). */
  public static ApiResponse json(int status, String contentType, JsonNode body) {
    return new ApiResponse(status, contentType, Json.bytes(body));
  }

  /** The failure Status of {@code error}. */
  public static ApiResponse error(ApiException error) {
    return json(error.code(), StatusObjects.failure(error));
  }

  /** A plain-text answer. */
  public static ApiResponse text(int status, String text) {
    return new ApiResponse(
        status, "text/plain; charset=utf-8", text.getBytes(StandardCharsets.UTF_8));
  }
}
