package dev.tributary.local.apiserver.gc;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.tributary.local.apiserver.rest.Meta;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * One entry of an object's {@code metadata.ownerReferences}.
 *
 * @param apiVersion the owner's {@code apiVersion}, e.g. {@code apps/v1}
 * @param kind the owner's kind
 * @param name the owner's name (in the dependent's namespace when the owner is namespaced)
 * @param uid the owner's uid: what makes the reference point at one object, not a name
 * @param blockOwnerDeletion whether a foreground deletion of the owner waits for this dependent
 */
public record OwnerReference(
    String apiVersion, String kind, String name, String uid, boolean blockOwnerDeletion) {

  /** The owner's API group ({@code ""} for the core group). */
  public String group() {
    int slash = apiVersion.indexOf('/');
    return slash < 0 ? "" : apiVersion.substring(0, slash);
  }

  /** The owner's API version without its group. */
  public String version() {
    int slash = apiVersion.indexOf('/');
    return slash < 0 ? apiVersion : apiVersion.substring(slash + 1);
  }

  /** {@code object}'s owner references, in order; entries without a uid are skipped. */
  public static List<OwnerReference> of(ObjectNode object) {
    List<OwnerReference> references = new ArrayList<>();
    JsonNode list = object.path("metadata").path("ownerReferences");
    if (list instanceof ArrayNode array) {
      for (JsonNode entry : array) {
        String uid = entry.path("uid").asText("");
        if (!uid.isEmpty()) {
          references.add(
              new OwnerReference(
                  entry.path("apiVersion").asText(""),
                  entry.path("kind").asText(""),
                  entry.path("name").asText(""),
                  uid,
                  entry.path("blockOwnerDeletion").asBoolean(false)));
        }
      }
    }
    return references;
  }

  /** Whether {@code object} names an owner with {@code uid}. */
  public static boolean refersTo(ObjectNode object, String uid) {
    return of(object).stream().anyMatch(r -> r.uid().equals(uid));
  }

  /**
   * A copy of {@code object} without the owner references to {@code uids}; the field is removed
   * when none is left, as Kubernetes' JSON omits an empty list.
   */
  public static ObjectNode without(ObjectNode object, Set<String> uids) {
    ObjectNode copy = object.deepCopy();
    ObjectNode metadata = Meta.of(copy);
    if (metadata.get("ownerReferences") instanceof ArrayNode array) {
      ArrayNode kept = array.arrayNode();
      for (JsonNode entry : array) {
        if (!uids.contains(entry.path("uid").asText(""))) {
          kept.add(entry);
        }
      }
      if (kept.isEmpty()) {
        metadata.remove("ownerReferences");
      } else {
        metadata.set("ownerReferences", kept);
      }
    }
    return copy;
  }
}
