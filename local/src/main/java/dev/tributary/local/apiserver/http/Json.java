package dev.tributary.local.apiserver.http;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.tributary.local.apiserver.errors.ApiErrors;
import dev.tributary.local.apiserver.errors.ApiException;
import java.io.IOException;

/**
 * The API server's JSON: compact output (one line, as watch streams need), integers kept as
 * integers, big decimals kept exact. The mapper is configured once and never changed, so sharing it
 * is safe.
 */
public final class Json {

  /** Node factory for building answers: decimals are kept exactly as written. */
  public static final JsonNodeFactory NODES = JsonNodeFactory.withExactBigDecimals(true);

  /** The shared mapper; configured here once and never changed. */
  public static final ObjectMapper MAPPER =
      JsonMapper.builder(
              JsonFactory.builder()
                  .streamReadConstraints(
                      StreamReadConstraints.builder().maxStringLength(8_000_000).build())
                  .build())
          .enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
          .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
          .nodeFactory(NODES)
          .build();

  private Json() {}

  /** {@code node} as compact UTF-8 JSON. */
  public static byte[] bytes(JsonNode node) {
    try {
      return MAPPER.writeValueAsBytes(node);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("a JSON tree always serializes", e);
    }
  }

  /** {@code node} as a compact JSON string. */
  public static String string(JsonNode node) {
    try {
      return MAPPER.writeValueAsString(node);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("a JSON tree always serializes", e);
    }
  }

  /** Parses a request body that must be one JSON document; 400 with Kubernetes' wording if not. */
  public static JsonNode parse(byte[] body) {
    if (body.length == 0) {
      throw ApiErrors.badRequest("the body of the request was empty");
    }
    try {
      JsonNode node = MAPPER.readTree(body);
      if (node == null || node.isMissingNode()) {
        throw ApiErrors.badRequest("the body of the request was empty");
      }
      return node;
    } catch (JsonProcessingException e) {
      throw ApiErrors.badRequest(
          "the body of the request was in an unknown format: " + describe(e));
    } catch (IOException e) {
      throw ApiErrors.badRequest("the body of the request could not be read: " + e.getMessage());
    }
  }

  /**
   * A parse error as a user should read it: Jackson's own sentence without the parser's internal
   * source description, plus where in the body it happened.
   */
  public static String describe(JsonProcessingException e) {
    String message = e.getOriginalMessage();
    int source = message.indexOf(" (start marker at [Source");
    if (source < 0) {
      source = message.indexOf(" at [Source");
    }
    if (source >= 0) {
      message = message.substring(0, source);
    }
    message = message.replace('\n', ' ').strip();
    JsonLocation at = e.getLocation();
    return at == null || at.getLineNr() < 0
        ? message
        : message + " (line " + at.getLineNr() + ", column " + at.getColumnNr() + ")";
  }

  /** Parses a body that must be a JSON object (an API object). */
  public static ObjectNode parseObject(byte[] body) {
    JsonNode node = parse(body);
    if (!node.isObject()) {
      throw new ApiException(
          400,
          "BadRequest",
          "the body of the request must be a JSON object, not " + node.getNodeType(),
          ApiException.Details.NONE);
    }
    return (ObjectNode) node;
  }
}
