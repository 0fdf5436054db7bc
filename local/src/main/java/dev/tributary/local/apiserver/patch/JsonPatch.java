package dev.tributary.local.apiserver.patch;

import com.fasterxml.jackson.core.JsonPointer;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.NullNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.List;

/**
 * RFC 6902 JSON patch, as kube-apiserver applies it (it uses evanphx/json-patch v4).
 *
 * <p>The operations are applied in order to a deep copy of the document; the first failing one
 * aborts the whole patch, so a patch is all or nothing and the inputs are never modified. Paths are
 * RFC 6901 JSON pointers ({@code ~1} is {@code /}, {@code ~0} is {@code ~}); {@code -} appends to
 * an array. Members other than {@code op}, {@code path}, {@code from} and {@code value} are
 * ignored.
 *
 * <p>Where the library kube-apiserver uses departs from the RFC, this class follows kube-apiserver,
 * because clients are written against it: a negative array index counts from the end; {@code
 * replace} of a missing object member adds it; {@code test} of a missing member against {@code
 * null} passes. One difference is kept on purpose: {@code test} compares numbers by value as the
 * RFC says ({@code 1} equals {@code 1.0}), where evanphx v4 compares their JSON text.
 */
public final class JsonPatch {

  /** kube-apiserver refuses patches with more operations than this (413). */
  public static final int MAX_OPERATIONS = 10_000;

  private JsonPatch() {}

  /**
   * Applies {@code patch} (a JSON array of operations) to a copy of {@code document}.
   *
   * @return the patched copy; may be of another JSON type than the input if the patch replaced the
   *     whole document
   * @throws PatchException 400 if {@code patch} is not an array of objects, 413 if it has more than
   *     {@value #MAX_OPERATIONS} operations, 422 if an operation does not apply (the detail says
   *     which, in evanphx/json-patch's words)
   */
  public static JsonNode apply(JsonNode document, JsonNode patch) throws PatchException {
    validate(patch);
    JsonNode doc = document.deepCopy();
    for (JsonNode operation : patch) {
      doc = applyOne(doc, (ObjectNode) operation);
    }
    return doc;
  }

  private static void validate(JsonNode patch) throws PatchException {
    if (!patch.isArray()) {
      throw PatchException.badRequest(
          "json: cannot unmarshal "
              + JsonValues.jsonTypeWord(patch)
              + " into Go value of type jsonpatch.Patch");
    }
    for (JsonNode operation : patch) {
      if (!operation.isObject() && !operation.isNull()) {
        throw PatchException.badRequest(
            "json: cannot unmarshal "
                + JsonValues.jsonTypeWord(operation)
                + " into Go value of type jsonpatch.Operation");
      }
      if (operation.isNull()) {
        // A null operation decodes to an empty one in Go and then fails as an unknown kind.
        throw PatchException.unprocessable("Unexpected kind: unknown");
      }
    }
    if (patch.size() > MAX_OPERATIONS) {
      throw PatchException.tooLarge(
          "The allowed maximum operations in a JSON patch is "
              + MAX_OPERATIONS
              + ", got "
              + patch.size());
    }
  }

  private static JsonNode applyOne(JsonNode doc, ObjectNode operation) throws PatchException {
    JsonNode opNode = operation.get("op");
    String op = opNode != null && opNode.isTextual() ? opNode.asText() : "unknown";
    return switch (op) {
      case "add" -> add(doc, path(operation, op), value(operation, op), op);
      case "remove" -> remove(doc, path(operation, op), op);
      case "replace" -> replace(doc, path(operation, op), value(operation, op));
      case "move" -> move(doc, operation);
      case "copy" -> copy(doc, operation);
      case "test" -> test(doc, operation);
      default -> throw PatchException.unprocessable("Unexpected kind: " + op);
    };
  }

  private static String path(ObjectNode operation, String op) throws PatchException {
    return pointerMember(operation, "path", op);
  }

  private static String pointerMember(ObjectNode operation, String member, String op)
      throws PatchException {
    JsonNode node = operation.get(member);
    if (node == null || !node.isTextual()) {
      throw PatchException.unprocessable(
          op + " operation failed to decode " + member + ": missing value");
    }
    return node.asText();
  }

  private static JsonNode value(ObjectNode operation, String op) throws PatchException {
    JsonNode value = operation.get("value");
    if (value == null) {
      throw PatchException.unprocessable(op + " operation, missing value field: missing value");
    }
    return value.deepCopy();
  }

  private static JsonNode add(JsonNode doc, String path, JsonNode value, String op)
      throws PatchException {
    if (path.isEmpty()) {
      return value;
    }
    Target target = locate(doc, path);
    if (target == null) {
      throw PatchException.unprocessable(
          op + " operation does not apply: doc is missing path: \"" + path + "\": missing value");
    }
    if (target.parent() instanceof ObjectNode object) {
      object.set(target.key(), value);
      return doc;
    }
    ArrayNode array = (ArrayNode) target.parent();
    if (target.key().equals("-")) {
      array.add(value);
      return doc;
    }
    int index = index(target.key(), array.size() + 1, path, op);
    array.insert(index, value);
    return doc;
  }

  private static JsonNode remove(JsonNode doc, String path, String op) throws PatchException {
    Target target = locate(doc, path);
    if (target == null) {
      throw PatchException.unprocessable(
          op + " operation does not apply: doc is missing path: \"" + path + "\": missing value");
    }
    if (target.parent() instanceof ObjectNode object) {
      if (!object.has(target.key())) {
        throw PatchException.unprocessable(
            "error in remove for path: '"
                + path
                + "': Unable to remove nonexistent key: "
                + target.key()
                + ": missing value");
      }
      object.remove(target.key());
      return doc;
    }
    ArrayNode array = (ArrayNode) target.parent();
    array.remove(index(target.key(), array.size(), path, op));
    return doc;
  }

  private static JsonNode replace(JsonNode doc, String path, JsonNode value) throws PatchException {
    if (path.isEmpty()) {
      return value;
    }
    Target target = locate(doc, path);
    if (target == null) {
      throw PatchException.unprocessable(
          "replace operation does not apply: doc is missing path: " + path + ": missing value");
    }
    if (target.parent() instanceof ObjectNode object) {
      // evanphx/json-patch v4 does not check that the member exists: replace adds it.
      object.set(target.key(), value);
      return doc;
    }
    ArrayNode array = (ArrayNode) target.parent();
    int index = existingIndex(array, target.key());
    if (index < 0) {
      throw PatchException.unprocessable(
          "replace operation does not apply: doc is missing key: " + path + ": missing value");
    }
    array.set(index, value);
    return doc;
  }

  private static JsonNode move(JsonNode doc, ObjectNode operation) throws PatchException {
    String from = pointerMember(operation, "from", "move");
    String path = path(operation, "move");
    JsonNode value = get(doc, from);
    if (value == null) {
      throw PatchException.unprocessable(
          "move operation does not apply: doc is missing from path: " + from + ": missing value");
    }
    if (path.startsWith(from + "/")) {
      throw PatchException.unprocessable(
          "move operation does not apply: from " + from + " is a prefix of path " + path);
    }
    if (from.equals(path)) {
      return doc;
    }
    JsonNode removed = remove(doc, from, "move");
    return add(removed, path, value, "move");
  }

  private static JsonNode copy(JsonNode doc, ObjectNode operation) throws PatchException {
    String from = pointerMember(operation, "from", "copy");
    String path = path(operation, "copy");
    JsonNode value = get(doc, from);
    if (value == null) {
      throw PatchException.unprocessable(
          "copy operation does not apply: doc is missing from path: " + from + ": missing value");
    }
    return add(doc, path, value.deepCopy(), "copy");
  }

  private static JsonNode test(JsonNode doc, ObjectNode operation) throws PatchException {
    String path = path(operation, "test");
    JsonNode expected = operation.get("value");
    JsonNode actual;
    if (path.isEmpty()) {
      actual = doc;
    } else {
      Target target = locate(doc, path);
      if (target == null) {
        throw PatchException.unprocessable(
            "test operation does not apply: is missing path: " + path + ": missing value");
      }
      if (target.parent() instanceof ArrayNode array && existingIndex(array, target.key()) < 0) {
        throw PatchException.unprocessable(
            "error in test for path: '"
                + path
                + "': Unable to access invalid index: "
                + target.key()
                + ": invalid index referenced");
      }
      actual = child(target.parent(), target.key());
    }
    boolean expectsNull = expected == null || expected.isNull();
    if (actual == null ? expectsNull : JsonValues.equivalent(actual, expectedOrNull(expected))) {
      return doc;
    }
    throw PatchException.unprocessable("testing value " + path + " failed: test failed");
  }

  private static JsonNode expectedOrNull(JsonNode expected) {
    return expected == null ? NullNode.getInstance() : expected;
  }

  /** The value at {@code path}, or null if there is none. */
  private static JsonNode get(JsonNode doc, String path) {
    if (path.isEmpty()) {
      return doc;
    }
    Target target = locate(doc, path);
    return target == null ? null : child(target.parent(), target.key());
  }

  private static JsonNode child(JsonNode container, String key) {
    if (container instanceof ObjectNode object) {
      return object.get(key);
    }
    int index = existingIndex((ArrayNode) container, key);
    return index < 0 ? null : container.get(index);
  }

  /**
   * The container that holds the last token of {@code path} (an object or an array) and that token,
   * or null if the pointer is malformed or a container on the way is missing.
   */
  private static Target locate(JsonNode doc, String path) {
    List<String> tokens = tokens(path);
    if (tokens == null || tokens.isEmpty()) {
      return null;
    }
    JsonNode node = doc;
    for (String token : tokens.subList(0, tokens.size() - 1)) {
      node = node.isContainerNode() ? child(node, token) : null;
      if (node == null) {
        return null;
      }
    }
    if (!node.isContainerNode()) {
      return null;
    }
    return new Target(node, tokens.get(tokens.size() - 1));
  }

  /** The unescaped reference tokens of an RFC 6901 pointer, or null if it is malformed. */
  private static List<String> tokens(String path) {
    JsonPointer pointer;
    try {
      pointer = JsonPointer.compile(path);
    } catch (IllegalArgumentException malformed) {
      return null;
    }
    List<String> tokens = new ArrayList<>();
    for (JsonPointer rest = pointer; !rest.matches(); rest = rest.tail()) {
      tokens.add(rest.getMatchingProperty());
    }
    return tokens;
  }

  /** An array index below {@code bound}; negative ones count from the end like evanphx v4. */
  private static int index(String token, int bound, String path, String op) throws PatchException {
    String context = "error in " + op + " for path: '" + path + "': ";
    Integer parsed = parseIndex(token);
    if (parsed == null) {
      throw PatchException.unprocessable(
          context + "value was not a proper array index: '" + token + "'");
    }
    int index = parsed;
    if (index >= bound || index < -bound) {
      throw PatchException.unprocessable(
          context + "Unable to access invalid index: " + index + ": invalid index referenced");
    }
    return index < 0 ? index + bound : index;
  }

  private static int existingIndex(ArrayNode array, String token) {
    Integer parsed = parseIndex(token);
    if (parsed == null || parsed >= array.size() || parsed < -array.size()) {
      return -1;
    }
    return parsed < 0 ? parsed + array.size() : parsed;
  }

  /** Parses like Go's strconv.Atoi: optional sign, decimal digits, within int range. */
  private static Integer parseIndex(String token) {
    if (!token.matches("[+-]?[0-9]{1,9}")) {
      return null;
    }
    return Integer.parseInt(token);
  }

  private record Target(JsonNode parent, String key) {}
}
