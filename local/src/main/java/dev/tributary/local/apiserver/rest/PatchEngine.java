package dev.tributary.local.apiserver.rest;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.tributary.local.apiserver.registry.ResourceType;
import java.util.List;

/**
 * Applies a PATCH request's body to the live object. The API server then treats the result as it
 * treats a PUT body (resourceVersion precondition, immutable metadata, status and generation
 * rules). Implementations are thread-safe and stateless.
 */
public interface PatchEngine {

  /** JSON merge patch (RFC 7386). */
  String MERGE = "application/merge-patch+json";

  /** JSON patch (RFC 6902). */
  String JSON = "application/json-patch+json";

  /** Kubernetes' strategic merge patch. */
  String STRATEGIC = "application/strategic-merge-patch+json";

  /** Server-side apply. */
  String APPLY = "application/apply-patch+yaml";

  /** The Content-Types (without parameters) this engine applies. */
  List<String> contentTypes();

  /**
   * The object {@code live} becomes under {@code patch}. {@code live} must not be changed.
   *
   * @param contentType one of {@link #contentTypes()}
   * @param live the current object, in the version the request addresses; for an apply patch of an
   *     object that does not exist yet, an object holding only apiVersion, kind and metadata
   *     name/namespace
   * @param type the resource, for strategic merge keys and custom-resource rules
   * @throws dev.tributary.local.apiserver.errors.ApiException for a malformed patch (400), a
   *     failing JSON-patch test (422), and so on
   */
  ObjectNode apply(String contentType, ObjectNode live, byte[] patch, ResourceType type);

  /** Merge patch only: what the server does until a full patch engine is plugged in. */
  static PatchEngine mergeOnly() {
    return new PatchEngine() {
      @Override
      public List<String> contentTypes() {
        return List.of(MERGE);
      }

      @Override
      public ObjectNode apply(
          String contentType, ObjectNode live, byte[] patch, ResourceType type) {
        var body = dev.tributary.local.apiserver.http.Json.parse(patch);
        if (!body.isObject()) {
          throw dev.tributary.local.apiserver.errors.ApiErrors.badRequest(
              "a merge patch must be a JSON object");
        }
        return (ObjectNode) MergePatch.apply(live, body);
      }
    };
  }
}
