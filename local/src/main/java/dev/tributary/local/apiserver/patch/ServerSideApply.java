package dev.tributary.local.apiserver.patch;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Optional;

/**
 * A minimal server-side apply ({@code application/apply-patch+yaml}): the applied configuration is
 * taken as the desired state of the fields it names and merged into the live object, with the
 * strategic-merge rules for built-in kinds and the merge-patch rules for custom resources.
 *
 * <p>This is the merge alone: field ownership ({@code metadata.managedFields}, conflicts between
 * field managers, removal of fields an applier stopped applying) is layered on top by {@link
 * dev.tributary.local.apiserver.fieldmanager.FieldManager}. An explicit {@code null} in the applied
 * configuration removes the field, as in the two patch types it borrows from.
 *
 * <p>Pure; the inputs are never modified.
 */
public final class ServerSideApply {

  private ServerSideApply() {}

  /**
   * Applies {@code applied} to {@code live}.
   *
   * @param live the live object, or null when it does not exist yet (apply creates it)
   * @param applied the applied configuration
   * @param apiVersion the API version of the request, which the configuration must name
   * @param schema the kind's strategic-merge schema, or empty for a custom resource
   * @return the desired object
   * @throws PatchException 400 when the configuration names another API version or carries {@code
   *     metadata.managedFields}, as kube-apiserver refuses those; any strategic-merge error
   */
  public static ObjectNode apply(
      ObjectNode live, ObjectNode applied, String apiVersion, Optional<PatchSchema> schema)
      throws PatchException {
    String appliedVersion = applied.path("apiVersion").asText("");
    if (!appliedVersion.equals(apiVersion)) {
      throw PatchException.badRequest(
          "Incorrect version specified in apply patch. Specified patch version: "
              + appliedVersion
              + ", expected: "
              + apiVersion);
    }
    JsonNode managedFields = applied.path("metadata").get("managedFields");
    if (managedFields != null && !managedFields.isNull()) {
      throw PatchException.badRequest("metadata.managedFields must be nil");
    }
    ObjectNode base = live != null ? live : JsonNodeFactory.instance.objectNode();
    if (schema.isPresent()) {
      return StrategicMergePatch.apply(base, applied, schema.get());
    }
    return (ObjectNode) JsonMergePatch.apply(base, applied);
  }
}
