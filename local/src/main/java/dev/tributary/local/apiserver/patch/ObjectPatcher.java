package dev.tributary.local.apiserver.patch;

import com.fasterxml.jackson.core.JacksonException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import java.io.IOException;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * The API server's one entry point for PATCH: decodes the body of any of the four patch types and
 * applies it to the live object.
 *
 * <p>Built-in kinds (those in {@link BuiltinPatchSchemas}) accept all four types; any other kind is
 * a custom resource and accepts JSON patch, merge patch and apply, like kube-apiserver, which
 * answers a strategic merge patch for a custom resource with 415 (kubectl then knows to send a
 * merge patch). Ask {@link #supportedTypes} before reading the body to answer 415 early.
 *
 * <p>Thread-safe and free of I/O. Never modifies the live object it is given: the result is a new
 * tree. Everything after the patch (resourceVersion precondition, immutable metadata, validation,
 * generation) is the caller's business.
 */
public final class ObjectPatcher {

  private static final List<PatchType> BUILTIN_TYPES = List.of(PatchType.values());
  private static final List<PatchType> CUSTOM_RESOURCE_TYPES =
      List.of(PatchType.JSON_PATCH, PatchType.MERGE_PATCH, PatchType.APPLY_PATCH);

  private final BuiltinPatchSchemas schemas;
  private final ObjectMapper json;
  private final ObjectMapper yaml;

  /** A patcher for the built-in kinds of {@link BuiltinPatchSchemas}. */
  public ObjectPatcher() {
    this(new BuiltinPatchSchemas());
  }

  /** A patcher that treats the kinds of {@code schemas} as built-in. */
  public ObjectPatcher(BuiltinPatchSchemas schemas) {
    this.schemas = Objects.requireNonNull(schemas, "schemas");
    this.json = JsonMapper.builder().enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS).build();
    this.yaml = new YAMLMapper();
  }

  /** The patch types a resource of this kind accepts, in kube-apiserver's order. */
  public List<PatchType> supportedTypes(String apiVersion, String kind) {
    return schemas.forKind(apiVersion, kind).isPresent() ? BUILTIN_TYPES : CUSTOM_RESOURCE_TYPES;
  }

  /**
   * Applies a PATCH body to the live object.
   *
   * @param type the patch type from the request's {@code Content-Type}
   * @param live the stored object; for {@link PatchType#APPLY_PATCH} it may be null, meaning the
   *     object does not exist and apply creates it from the configuration
   * @param body the raw request body
   * @param apiVersion the request's API version, e.g. {@code apps/v1} or {@code v1}
   * @param kind the resource's kind, e.g. {@code Deployment}
   * @return the patched object, a new tree
   * @throws PatchException 415 if this kind does not accept {@code type} (strategic merge patch for
   *     a custom resource); 400 if the body is not a well-formed patch; 413 for an oversized JSON
   *     patch; 422 if the patch does not apply (a failed {@code test}, a missing path) or does not
   *     yield an object
   */
  public ObjectNode apply(
      PatchType type, ObjectNode live, byte[] body, String apiVersion, String kind)
      throws PatchException {
    Objects.requireNonNull(type, "type");
    Objects.requireNonNull(body, "body");
    List<PatchType> supported = supportedTypes(apiVersion, kind);
    if (!supported.contains(type)) {
      throw PatchException.unsupportedMediaType(supported);
    }
    if (type != PatchType.APPLY_PATCH) {
      Objects.requireNonNull(live, "live object (only apply may create)");
    }
    return switch (type) {
      case JSON_PATCH ->
          asObject(JsonPatch.apply(live, decodeJson(body, "error decoding patch: ")));
      case MERGE_PATCH -> mergePatch(live, body);
      case STRATEGIC_MERGE_PATCH -> strategicMergePatch(live, body, apiVersion, kind);
      case APPLY_PATCH -> serverSideApply(live, body, apiVersion, kind);
    };
  }

  private ObjectNode mergePatch(ObjectNode live, byte[] body) throws PatchException {
    JsonNode patch = decodeJson(body, "error decoding patch: ");
    if (patch.isNull()) {
      throw PatchException.badRequest("Invalid JSON Patch");
    }
    requireObject(patch, "error decoding patch: ");
    return (ObjectNode) JsonMergePatch.apply(live, patch);
  }

  private ObjectNode strategicMergePatch(
      ObjectNode live, byte[] body, String apiVersion, String kind) throws PatchException {
    JsonNode patch = decodeJson(body, "");
    requireObject(patch, "");
    PatchSchema schema = schemas.forKind(apiVersion, kind).orElseThrow();
    return StrategicMergePatch.apply(live, (ObjectNode) patch, schema);
  }

  private ObjectNode serverSideApply(ObjectNode live, byte[] body, String apiVersion, String kind)
      throws PatchException {
    JsonNode applied;
    try {
      applied = yaml.readTree(body);
    } catch (JacksonException malformed) {
      throw PatchException.badRequest("error decoding YAML: " + malformed.getOriginalMessage());
    } catch (IOException unreadable) {
      throw PatchException.badRequest("error decoding YAML: " + unreadable.getMessage());
    }
    if (applied == null || applied.isMissingNode() || applied.isNull()) {
      applied = yaml.createObjectNode();
    }
    if (!applied.isObject()) {
      throw PatchException.badRequest(
          "error decoding YAML: json: cannot unmarshal "
              + JsonValues.jsonTypeWord(applied)
              + " into Go value of type map[string]interface {}");
    }
    Optional<PatchSchema> schema = schemas.forKind(apiVersion, kind);
    return ServerSideApply.apply(live, (ObjectNode) applied, apiVersion, schema);
  }

  private JsonNode decodeJson(byte[] body, String prefix) throws PatchException {
    JsonNode node;
    try {
      node = json.readTree(body);
    } catch (JacksonException malformed) {
      throw PatchException.badRequest(prefix + malformed.getOriginalMessage());
    } catch (IOException unreadable) {
      throw PatchException.badRequest(prefix + unreadable.getMessage());
    }
    if (node == null || node.isMissingNode()) {
      throw PatchException.badRequest(prefix + "unexpected end of JSON input");
    }
    return node;
  }

  private static void requireObject(JsonNode patch, String prefix) throws PatchException {
    if (!patch.isObject()) {
      throw PatchException.badRequest(
          prefix
              + "json: cannot unmarshal "
              + JsonValues.jsonTypeWord(patch)
              + " into Go value of type map[string]interface {}");
    }
  }

  private static ObjectNode asObject(JsonNode patched) throws PatchException {
    if (!patched.isObject()) {
      throw PatchException.invalid(
          "the patched document is a JSON " + JsonValues.jsonTypeWord(patched) + ", not an object");
    }
    return (ObjectNode) patched;
  }
}
