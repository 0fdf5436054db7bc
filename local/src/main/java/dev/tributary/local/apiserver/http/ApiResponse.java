package dev.tributary.local.apiserver.http;

import com.fasterxml.jackson.databind.JsonNode;
import dev.tributary.local.apiserver.errors.ApiException;
import dev.tributary.local.apiserver.errors.StatusObjects;
import java.nio.charset.StandardCharsets;

/**
 * A complete (non-streaming) answer.
 *
 * @param status the HTTP status code
 * @param contentType the Content-Type header
 * @param body the body bytes
 */
public record ApiResponse(int status, String contentType, byte[] body) {

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
