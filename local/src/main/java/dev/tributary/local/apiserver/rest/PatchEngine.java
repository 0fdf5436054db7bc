package dev.tributary.local.apiserver.rest;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.tributary.local.apiserver.patch.PatchSchema;
import dev.tributary.local.apiserver.registry.ResourceType;
import java.util.List;
import java.util.Optional;

/**
 * Applies a PATCH request's body to the live object. The API server then treats the result as it
 * treats a PUT body (resourceVersion precondition, immutable metadata, status and generation
 * rules). Implementations are thread-safe and stateless.
 */
public interface PatchEngine {

  /** Server-side apply's Content-Type: the one patch that may create its object. */
  String APPLY = "application/apply-patch+yaml";

  /**
   * The Content-Types (without parameters) a resource accepts, in the order a 415 lists them; the
   * server answers 415 for any other before reading the body.
   */
  List<String> contentTypes(ResourceType type);

  /**
   * The object {@code live} becomes under {@code patch}. {@code live} is not changed.
   *
   * @param contentType one of {@link #contentTypes}
   * @param live the current object, in the version the request addresses; null only for an apply
   *     patch ({@link #APPLY}) of an object that does not exist yet
   * @throws dev.tributary.local.apiserver.errors.ApiException for a malformed patch (400), one that
   *     does not apply (422), an unsupported type (415), ...
   */
  ObjectNode apply(String contentType, ObjectNode live, byte[] patch, ResourceType type);

  /**
   * The list keys of {@code type}'s objects, by which field ownership tracks list items; empty (the
   * default) makes every list one atomic field.
   */
  default Optional<PatchSchema> listKeys(ResourceType type) {
    return Optional.empty();
  }
}
