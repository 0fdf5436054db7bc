package dev.tributary.local.apiserver.patch;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Map;

/**
 * RFC 7386 JSON merge patch: an object patch merges into the target member by member, a {@code
 * null} member deletes, and any other value (arrays included) replaces wholesale. The inputs are
 * never modified; the result shares no nodes with them.
 */
public final class JsonMergePatch {

  private JsonMergePatch() {}

  /**
   * The RFC 7386 {@code MergePatch(target, patch)} function.
   *
   * @param target the document to patch; {@code null} (Java) is treated as absent
   * @param patch the merge patch; a non-object patch is the result itself
   * @return a new document
   */
  public static JsonNode apply(JsonNode target, JsonNode patch) {
    if (!patch.isObject()) {
      return patch.deepCopy();
    }
    ObjectNode owned =
        target != null && target.isObject()
            ? ((ObjectNode) target).deepCopy()
            : JsonNodeFactory.instance.objectNode();
    return mergeInto(owned, (ObjectNode) patch);
  }

  /** Merges {@code patch} into {@code owned}, which the caller owns and lets us modify. */
  private static ObjectNode mergeInto(ObjectNode owned, ObjectNode patch) {
    for (Map.Entry<String, JsonNode> member : patch.properties()) {
      String key = member.getKey();
      JsonNode value = member.getValue();
      if (value.isNull()) {
        owned.remove(key);
      } else if (value.isObject()) {
        JsonNode current = owned.get(key);
        ObjectNode base =
            current != null && current.isObject()
                ? (ObjectNode) current
                : JsonNodeFactory.instance.objectNode();
        owned.set(key, mergeInto(base, (ObjectNode) value));
      } else {
        owned.set(key, value.deepCopy());
      }
    }
    return owned;
  }
}
