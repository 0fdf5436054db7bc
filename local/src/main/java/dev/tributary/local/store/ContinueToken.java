package dev.tributary.local.store;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Base64;

/**
 * The opaque {@code continue} token of a paged list: the first page's revision and the last key
 * returned, as base64url JSON (like Kubernetes' token, which clients never look inside).
 *
 * @param revision the revision of the list's first page
 * @param namespace the namespace of the last object returned
 * @param name the name of the last object returned
 */
record ContinueToken(long revision, String namespace, String name) {

  private static final ObjectMapper JSON = new ObjectMapper();

  String encode() {
    ObjectNode node = JSON.createObjectNode();
    node.put("rv", revision).put("ns", namespace).put("name", name);
    return Base64.getUrlEncoder()
        .withoutPadding()
        .encodeToString(node.toString().getBytes(StandardCharsets.UTF_8));
  }

  /**
   * Reads a token made by {@link #encode()}.
   *
   * @throws IllegalArgumentException if {@code token} is not such a token
   */
  static ContinueToken decode(String token) {
    try {
      JsonNode node = JSON.readTree(Base64.getUrlDecoder().decode(token));
      if (node != null
          && node.path("rv").isIntegralNumber()
          && node.path("rv").asLong() >= 0
          && node.path("ns").isTextual()
          && node.path("name").isTextual()) {
        return new ContinueToken(
            node.get("rv").asLong(), node.get("ns").asText(), node.get("name").asText());
      }
    } catch (IllegalArgumentException | IOException e) {
      throw new IllegalArgumentException("continue key is not valid: " + e.getMessage(), e);
    }
    throw new IllegalArgumentException("continue key is not valid: " + token);
  }
}
