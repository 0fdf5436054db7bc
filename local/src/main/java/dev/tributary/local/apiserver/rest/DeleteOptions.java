package dev.tributary.local.apiserver.rest;

import com.fasterxml.jackson.databind.JsonNode;
import dev.tributary.local.apiserver.errors.ApiErrors;
import dev.tributary.local.apiserver.errors.FieldCause;
import dev.tributary.local.apiserver.http.Json;
import java.util.List;
import java.util.Map;

/**
 * A DELETE's options, from its {@code DeleteOptions} body and query parameters (the body wins).
 *
 * @param propagationPolicy {@code Background} (the default), {@code Foreground} or {@code Orphan}
 * @param uid the {@code preconditions.uid}, or null
 * @param resourceVersion the {@code preconditions.resourceVersion}, or null
 * @param dryRun whether nothing is to be changed
 */
public record DeleteOptions(
    String propagationPolicy, String uid, String resourceVersion, boolean dryRun) {

  /** The policies Kubernetes accepts. */
  public static final List<String> POLICIES = List.of("Foreground", "Background", "Orphan");

  /** Background propagation, no preconditions. */
  public static DeleteOptions defaults() {
    return new DeleteOptions("Background", null, null, false);
  }

  /**
   * Reads a DELETE request.
   *
   * @param body the request body, possibly empty
   * @param query the query parameters (first values)
   * @throws dev.tributary.local.apiserver.errors.ApiException 400 for a malformed body, 422 for an
   *     unknown propagation policy
   */
  public static DeleteOptions parse(byte[] body, Map<String, String> query) {
    String policy = query.get("propagationPolicy");
    String uid = null;
    String resourceVersion = null;
    boolean dryRun = query.containsKey("dryRun") && !query.get("dryRun").isEmpty();
    if (body.length > 0 && !new String(body, java.nio.charset.StandardCharsets.UTF_8).isBlank()) {
      JsonNode options = Json.parse(body);
      if (options.hasNonNull("propagationPolicy")) {
        policy = options.get("propagationPolicy").asText();
      } else if (options.path("orphanDependents").isBoolean()) {
        policy = options.get("orphanDependents").asBoolean() ? "Orphan" : "Background";
      }
      JsonNode preconditions = options.path("preconditions");
      if (preconditions.hasNonNull("uid")) {
        uid = preconditions.get("uid").asText();
      }
      if (preconditions.hasNonNull("resourceVersion")) {
        resourceVersion = preconditions.get("resourceVersion").asText();
      }
      if (options.path("dryRun").isArray() && !options.get("dryRun").isEmpty()) {
        dryRun = true;
      }
    }
    if (policy == null || policy.isEmpty()) {
      policy = "Background";
    }
    if (!POLICIES.contains(policy)) {
      throw ApiErrors.invalid(
          "",
          "DeleteOptions",
          "",
          List.of(FieldCause.notSupported("propagationPolicy", policy, POLICIES)));
    }
    return new DeleteOptions(policy, uid, resourceVersion, dryRun);
  }
}
