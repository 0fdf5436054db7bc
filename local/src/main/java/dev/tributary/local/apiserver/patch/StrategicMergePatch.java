package dev.tributary.local.apiserver.patch;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.JsonNodeType;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Kubernetes' strategic merge patch, applied the way kube-apiserver applies it
 * (k8s.io/apimachinery/pkg/util/strategicpatch, server side).
 *
 * <p>Objects merge member by member and a {@code null} member deletes, as in a merge patch. Lists
 * are replaced unless the kind's {@link PatchSchema} declares them merging: then elements merge by
 * their merge key (or, for primitives, as a set), and these directives apply:
 *
 * <ul>
 *   <li>{@code "$patch": "replace"} in an object replaces it; in a list element, replaces the list.
 *   <li>{@code "$patch": "delete"} in an object empties it; in a list element, removes the live
 *       element with the same merge key.
 *   <li>{@code "$setElementOrder/<list>": [...]} gives the final order of a merging list (kubectl
 *       apply sends it with every list it touches).
 *   <li>{@code "$deleteFromPrimitiveList/<list>": [...]} removes those values from a primitive
 *       list.
 *   <li>{@code "$retainKeys": [...]} removes every live member not listed before merging (kubectl
 *       sends it for {@code Deployment.spec.strategy} and volumes).
 * </ul>
 *
 * <p>Deliberate differences from apimachinery, all on inputs kubectl does not send: its errors for
 * inconsistent patches become 400s (apimachinery lets most surface as 500s); {@code "$patch":
 * "merge"} in an object means the default merge (apimachinery rejects it); values new to the object
 * are stored without directives and {@code null} members anywhere inside them (apimachinery strips
 * only {@code $patch}); {@code $deleteFromPrimitiveList} on a list without merge strategy deletes
 * too (apimachinery replaces the list with the values to delete); live list elements lacking their
 * merge key are kept as server-only elements instead of failing the patch.
 *
 * <p>Pure and thread-safe; the inputs are never modified.
 */
public final class StrategicMergePatch {

  static final String PATCH = "$patch";
  static final String RETAIN_KEYS = "$retainKeys";
  static final String SET_ELEMENT_ORDER = "$setElementOrder";
  static final String DELETE_FROM_PRIMITIVE_LIST = "$deleteFromPrimitiveList";

  private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

  private final PatchSchema schema;

  private StrategicMergePatch(PatchSchema schema) {
    this.schema = schema;
  }

  /**
   * Applies {@code patch} to a copy of {@code live}.
   *
   * @param schema the merging lists of the object's kind, from {@link BuiltinPatchSchemas}
   * @return the patched copy
   * @throws PatchException 400 for a malformed directive or list element, 422 for a list of lists
   */
  public static ObjectNode apply(ObjectNode live, ObjectNode patch, PatchSchema schema)
      throws PatchException {
    return new StrategicMergePatch(schema).mergeObject(live.deepCopy(), patch, List.of());
  }

  /** Merges {@code patch} into {@code owned} (ours to modify) and returns the result. */
  private ObjectNode mergeObject(ObjectNode owned, ObjectNode patch, List<String> path)
      throws PatchException {
    JsonNode directive = patch.get(PATCH);
    if (directive != null) {
      switch (directive.asText()) {
        case "replace" -> {
          return cleanObject(patch);
        }
        case "delete" -> {
          return NODES.objectNode();
        }
        case "merge" -> {
          // the default: fall through to a member-by-member merge
        }
        default -> throw badPatchType(directive, patch);
      }
    }
    retainKeys(owned, patch);
    Set<String> ordered = applyElementOrders(owned, patch, path);
    for (Map.Entry<String, JsonNode> member : patch.properties()) {
      String key = member.getKey();
      JsonNode value = member.getValue();
      if (key.equals(PATCH)
          || key.equals(RETAIN_KEYS)
          || key.startsWith(SET_ELEMENT_ORDER)
          || ordered.contains(key)) {
        continue;
      }
      if (key.startsWith(DELETE_FROM_PRIMITIVE_LIST)) {
        String list =
            directiveTarget(
                key, DELETE_FROM_PRIMITIVE_LIST, "invalid patch format of primitive list");
        deleteFromPrimitiveList(owned, list, value);
        continue;
      }
      if (value.isNull()) {
        owned.remove(key);
        continue;
      }
      JsonNode current = owned.get(key);
      List<String> childPath = child(path, key);
      if (current != null && current.isObject() && value.isObject()) {
        owned.set(key, mergeObject((ObjectNode) current, (ObjectNode) value, childPath));
      } else if (current != null && current.isArray() && value.isArray()) {
        owned.set(key, mergeList((ArrayNode) current, (ArrayNode) value, childPath));
      } else {
        Optional<JsonNode> cleaned = clean(value);
        if (cleaned.isPresent()) {
          owned.set(key, cleaned.get());
        } else {
          owned.remove(key);
        }
      }
    }
    return owned;
  }

  /** {@code $retainKeys}: validates the patch against the list and drops unlisted live members. */
  private static void retainKeys(ObjectNode owned, ObjectNode patch) throws PatchException {
    JsonNode retain = patch.get(RETAIN_KEYS);
    if (retain == null) {
      return;
    }
    if (!retain.isArray()) {
      throw PatchException.badRequest("invalid patch format of retainKeys");
    }
    Set<String> keep = new HashSet<>();
    retain.forEach(key -> keep.add(key.asText()));
    for (Map.Entry<String, JsonNode> member : patch.properties()) {
      String key = member.getKey();
      if (member.getValue().isNull()
          || key.equals(RETAIN_KEYS)
          || key.equals(PATCH)
          || key.startsWith(DELETE_FROM_PRIMITIVE_LIST)
          || key.startsWith(SET_ELEMENT_ORDER)) {
        continue;
      }
      if (!keep.contains(key)) {
        throw PatchException.badRequest("invalid patch format of retainKeys");
      }
    }
    owned.retain(keep);
  }

  /**
   * Merges every list that has a {@code $setElementOrder} directive and puts it in that order.
   *
   * @return the names of the lists handled, which the member loop then skips
   */
  private Set<String> applyElementOrders(ObjectNode owned, ObjectNode patch, List<String> path)
      throws PatchException {
    Set<String> handled = new HashSet<>();
    for (Map.Entry<String, JsonNode> member : patch.properties()) {
      if (!member.getKey().startsWith(SET_ELEMENT_ORDER)) {
        continue;
      }
      String bad = "invalid patch format of setElementOrder list";
      String list = directiveTarget(member.getKey(), SET_ELEMENT_ORDER, bad);
      JsonNode order = member.getValue();
      if (!order.isArray()) {
        throw PatchException.badRequest(bad);
      }
      JsonNode current = owned.get(list);
      JsonNode patchList = patch.get(list);
      requireList(current);
      requireList(patchList);
      handled.add(list);
      if (current == null && patchList == null) {
        continue;
      }
      List<String> listPath = child(path, list);
      Optional<ListMerge> merge = schema.listMerge(listPath);
      if (merge.isPresent() && patchList != null) {
        validateOrder(elements(patchList), elements(order), merge.get().mergeKey());
      }
      ArrayNode merged;
      if (patchList == null) {
        merged = (ArrayNode) current;
      } else if (current == null) {
        merged = cleanArray(patchList);
      } else {
        merged = mergeList((ArrayNode) current, (ArrayNode) patchList, listPath);
      }
      if (merge.isPresent()) {
        List<JsonNode> live = current == null ? List.of() : elements(current);
        merged = ListOrder.enforce(elements(merged), elements(order), live, merge.get().mergeKey());
      }
      owned.set(list, merged);
    }
    return handled;
  }

  /** Merges a patch list into a live list (ours to modify) according to the schema. */
  private ArrayNode mergeList(ArrayNode owned, ArrayNode patch, List<String> path)
      throws PatchException {
    Optional<ListMerge> merge = schema.listMerge(path);
    if (merge.isEmpty()) {
      return cleanArray(patch);
    }
    if (owned.isEmpty() && patch.isEmpty()) {
      return owned;
    }
    boolean objects = elementsAreObjects(owned, patch);
    List<JsonNode> live = elements(owned);
    if (!objects) {
      List<JsonNode> union = new ArrayList<>();
      for (JsonNode value : concat(live, elements(patch))) {
        if (ListOrder.indexOf(union, value, "") < 0) {
          union.add(value);
        }
      }
      return ListOrder.enforce(union, elements(patch), live, "");
    }
    String mergeKey = merge.get().mergeKey();
    if (mergeKey.isEmpty()) {
      throw PatchException.badRequest(
          "cannot merge lists without merge key for " + String.join(".", path));
    }

    List<JsonNode> kept = new ArrayList<>(live);
    List<JsonNode> regular = new ArrayList<>();
    boolean replace = false;
    for (JsonNode element : patch) {
      JsonNode directive = element.get(PATCH);
      if (directive == null) {
        regular.add(element);
        continue;
      }
      switch (directive.asText()) {
        case "delete" -> {
          JsonNode key = requireMergeKey((ObjectNode) element, mergeKey);
          kept.removeIf(e -> JsonValues.equivalent(e.get(mergeKey), key));
        }
        case "replace" -> replace = true;
        case "merge" ->
            throw PatchException.badRequest("merging lists cannot yet be specified in the patch");
        default -> throw badPatchType(directive, element);
      }
    }
    if (replace) {
      ArrayNode replacement = NODES.arrayNode();
      for (JsonNode element : regular) {
        clean(element).ifPresent(replacement::add);
      }
      return replacement;
    }

    List<JsonNode> merged = new ArrayList<>(kept);
    for (JsonNode element : regular) {
      JsonNode key = requireMergeKey((ObjectNode) element, mergeKey);
      int index = -1;
      for (int i = 0; i < merged.size() && index < 0; i++) {
        if (JsonValues.equivalent(merged.get(i).get(mergeKey), key)) {
          index = i;
        }
      }
      if (index >= 0) {
        merged.set(index, mergeObject((ObjectNode) merged.get(index), (ObjectNode) element, path));
      } else {
        clean(element).ifPresent(merged::add);
      }
    }
    return ListOrder.enforce(merged, regular, kept, mergeKey);
  }

  /** {@code $deleteFromPrimitiveList/<list>}: removes the given values from the live list. */
  private static void deleteFromPrimitiveList(ObjectNode owned, String list, JsonNode values)
      throws PatchException {
    if (!values.isArray()) {
      throw PatchException.badRequest("invalid patch format of primitive list");
    }
    JsonNode current = owned.get(list);
    if (current == null || !current.isArray()) {
      return;
    }
    List<JsonNode> toDelete = elements(values);
    ArrayNode kept = NODES.arrayNode();
    for (JsonNode element : current) {
      if (ListOrder.indexOf(toDelete, element, "") < 0) {
        kept.add(element);
      }
    }
    owned.set(list, kept);
  }

  /**
   * Checks that the patch list names its elements in the order {@code $setElementOrder} gives, as
   * apimachinery does before merging.
   */
  private static void validateOrder(List<JsonNode> patchList, List<JsonNode> order, String mergeKey)
      throws PatchException {
    List<JsonNode> named = new ArrayList<>();
    for (JsonNode element : patchList) {
      boolean deletion =
          !mergeKey.isEmpty()
              && element.isObject()
              && element.path(PATCH).asText().equals("delete");
      if (!deletion) {
        named.add(element);
      }
    }
    int p = 0;
    int o = 0;
    while (p < named.size() && o < order.size()) {
      if (named.get(p).isObject() && named.get(p).has(PATCH)) {
        p++;
        continue;
      }
      if (sameElement(named.get(p), order.get(o), mergeKey)) {
        p++;
      }
      o++;
    }
    if (p < named.size()) {
      throw PatchException.badRequest(
          "the order in patch list: "
              + patchList
              + " doesn't match "
              + SET_ELEMENT_ORDER
              + " list: "
              + order);
    }
  }

  private static boolean sameElement(JsonNode left, JsonNode right, String mergeKey)
      throws PatchException {
    if (mergeKey.isEmpty()) {
      return JsonValues.equivalent(left, right);
    }
    if (!left.isObject() || !right.isObject()) {
      throw PatchException.badRequest(
          "expected a map[string]interface {}, but received a "
              + JsonValues.goTypeName(left.isObject() ? right : left));
    }
    return JsonValues.equivalent(
        requireMergeKey((ObjectNode) left, mergeKey),
        requireMergeKey((ObjectNode) right, mergeKey));
  }

  /**
   * Whether a merging list holds objects (true) or primitives (false); mixed lists and lists of
   * lists are refused as apimachinery refuses them.
   */
  private static boolean elementsAreObjects(ArrayNode live, ArrayNode patch) throws PatchException {
    JsonNodeType type = null;
    for (JsonNode element : concat(elements(live), elements(patch))) {
      if (element.isArray()) {
        throw PatchException.unprocessable("lists of lists are not supported");
      }
      if (type == null) {
        type = element.getNodeType();
      } else if (type != element.getNodeType()) {
        throw PatchException.badRequest(
            "list element types are not identical: " + live + ", " + patch);
      }
    }
    return type == JsonNodeType.OBJECT;
  }

  /**
   * A patch value stored where the live object has nothing to merge it with: directives and {@code
   * null} members are dropped, and an object carrying {@code $patch} is dropped whole.
   */
  private static Optional<JsonNode> clean(JsonNode value) {
    if (value.isObject()) {
      return value.has(PATCH) ? Optional.empty() : Optional.of(cleanObject((ObjectNode) value));
    }
    if (value.isArray()) {
      return Optional.of(cleanArray((ArrayNode) value));
    }
    return Optional.of(value.deepCopy());
  }

  private static ObjectNode cleanObject(ObjectNode value) {
    ObjectNode cleaned = NODES.objectNode();
    for (Map.Entry<String, JsonNode> member : value.properties()) {
      if (!member.getValue().isNull() && !isDirective(member.getKey())) {
        clean(member.getValue()).ifPresent(v -> cleaned.set(member.getKey(), v));
      }
    }
    return cleaned;
  }

  private static ArrayNode cleanArray(JsonNode value) {
    ArrayNode cleaned = NODES.arrayNode(value.size());
    for (JsonNode element : value) {
      clean(element).ifPresent(cleaned::add);
    }
    return cleaned;
  }

  private static boolean isDirective(String key) {
    return key.equals(PATCH)
        || key.equals(RETAIN_KEYS)
        || key.startsWith(SET_ELEMENT_ORDER)
        || key.startsWith(DELETE_FROM_PRIMITIVE_LIST);
  }

  /** The list a {@code $prefix/<list>} directive names. */
  private static String directiveTarget(String key, String prefix, String malformed)
      throws PatchException {
    int slash = key.indexOf('/');
    if (slash < 0 || !key.substring(0, slash).equals(prefix) || slash == key.length() - 1) {
      throw PatchException.badRequest(malformed);
    }
    return key.substring(slash + 1);
  }

  private static void requireList(JsonNode node) throws PatchException {
    if (node != null && !node.isArray()) {
      throw PatchException.badRequest(
          "expected a []interface {}, but received a " + JsonValues.goTypeName(node));
    }
  }

  private static JsonNode requireMergeKey(ObjectNode element, String mergeKey)
      throws PatchException {
    JsonNode key = element.get(mergeKey);
    if (key == null) {
      throw PatchException.badRequest(
          "map: " + element + " does not contain declared merge key: " + mergeKey);
    }
    return key;
  }

  private static PatchException badPatchType(JsonNode directive, JsonNode element) {
    return PatchException.badRequest(
        "unknown patch type: " + directive.asText() + " in map: " + element);
  }

  private static List<JsonNode> elements(JsonNode array) {
    List<JsonNode> elements = new ArrayList<>(array.size());
    array.forEach(elements::add);
    return elements;
  }

  private static List<JsonNode> concat(List<JsonNode> first, List<JsonNode> second) {
    List<JsonNode> all = new ArrayList<>(first);
    all.addAll(second);
    return all;
  }

  private static List<String> child(List<String> path, String key) {
    List<String> child = new ArrayList<>(path.size() + 1);
    child.addAll(path);
    child.add(key);
    return List.copyOf(child);
  }
}
