package dev.tributary.local.apiserver.fieldmanager;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The fields of one object as a {@link FieldSet}, with each member's value, so that two versions of
 * an object can be compared field by field.
 *
 * <p>Members are the scalar (and null) values, empty objects, the items of keyed lists and of
 * primitive sets, whole atomic lists, and the string maps Kubernetes declares granular ({@code
 * labels}, {@code annotations}, {@code data}, ...), which structured-merge-diff marks with {@code
 * ".": {}}. Lists are keyed as {@link ListKeys} says; other lists are atomic. The server-set
 * identity and metadata (apiVersion, kind, name, namespace, uid, resourceVersion, generation,
 * creationTimestamp, managedFields, ...) are never fields of a manager, as upstream strips them.
 */
public final class ObjectFields {

  private static final Set<String> STRIPPED_TOP = Set.of("apiVersion", "kind");
  private static final Set<String> STRIPPED_META =
      Set.of(
          "name",
          "namespace",
          "uid",
          "resourceVersion",
          "generation",
          "creationTimestamp",
          "deletionTimestamp",
          "deletionGracePeriodSeconds",
          "managedFields",
          "selfLink",
          "clusterName");

  /** Map-typed fields whose map itself is a member as well as its entries. */
  private static final Set<String> GRANULAR_MAPS =
      Set.of(
          "labels",
          "annotations",
          "data",
          "binaryData",
          "stringData",
          "nodeSelector",
          "matchLabels",
          "limits",
          "requests");

  private final Map<List<String>, JsonNode> values;
  private final Set<List<String>> containers;
  private final FieldSet set;

  private ObjectFields(Map<List<String>, JsonNode> values, Set<List<String>> containers) {
    this.values = values;
    this.containers = containers;
    this.set = FieldSet.of(values.keySet());
  }

  /**
   * The fields of {@code object} within {@code scope}.
   *
   * @param object an object; null for none (no fields)
   * @param schema how the kind's lists are keyed
   * @param skipNulls whether explicit nulls are left out (an applied configuration's nulls remove a
   *     field rather than set it)
   */
  public static ObjectFields of(
      ObjectNode object, ListKeys schema, FieldScope scope, boolean skipNulls) {
    Walker walker = new Walker(schema, skipNulls);
    if (object != null) {
      for (Iterator<Map.Entry<String, JsonNode>> it = object.fields(); it.hasNext(); ) {
        Map.Entry<String, JsonNode> field = it.next();
        String name = field.getKey();
        if (STRIPPED_TOP.contains(name)
            || (scope == FieldScope.MAIN && name.equals("status"))
            || (scope == FieldScope.STATUS && !name.equals("status"))) {
          continue;
        }
        List<String> path = new ArrayList<>(List.of("f:" + name));
        List<String> names = new ArrayList<>(List.of(name));
        if (name.equals("metadata") && field.getValue().isObject()) {
          ObjectNode metadata = ((ObjectNode) field.getValue()).deepCopy();
          metadata.remove(STRIPPED_META);
          if (!metadata.isEmpty()) {
            walker.walkObject(metadata, path, names, false);
          }
        } else {
          walker.walk(field.getValue(), path, names);
        }
      }
    }
    return new ObjectFields(walker.values, walker.containers);
  }

  /** The member paths. */
  public FieldSet set() {
    return set;
  }

  /**
   * The members of this object that {@code before} did not have or had with another value: what a
   * write from {@code before} to this object changed. A member with members below it (a list item,
   * a granular map) counts only when it is new; its own members speak for its content.
   */
  public FieldSet changedSince(ObjectFields before) {
    List<List<String>> changed = new ArrayList<>();
    values.forEach(
        (path, value) -> {
          JsonNode old = before.values.get(path);
          if (old == null) {
            changed.add(path);
          } else if (!containers.contains(path) && !old.equals(value)) {
            changed.add(path);
          }
        });
    return FieldSet.of(changed);
  }

  /** The value of a member, or null. */
  public JsonNode value(List<String> path) {
    return values.get(path);
  }

  private static final class Walker {
    private final ListKeys schema;
    private final boolean skipNulls;
    private final Map<List<String>, JsonNode> values = new HashMap<>();
    private final Set<List<String>> containers = new HashSet<>();

    Walker(ListKeys schema, boolean skipNulls) {
      this.schema = schema;
      this.skipNulls = skipNulls;
    }

    void walk(JsonNode value, List<String> path, List<String> names) {
      if (value.isNull() && skipNulls) {
        return;
      }
      if (value.isObject()) {
        boolean granular = GRANULAR_MAPS.contains(names.get(names.size() - 1));
        walkObject((ObjectNode) value, path, names, granular);
      } else if (value.isArray()) {
        walkList(value, path, names);
      } else {
        values.put(List.copyOf(path), value);
      }
    }

    void walkObject(ObjectNode object, List<String> path, List<String> names, boolean member) {
      if (object.isEmpty() || member) {
        values.put(List.copyOf(path), object);
        if (!object.isEmpty()) {
          containers.add(List.copyOf(path));
        }
      }
      for (Iterator<Map.Entry<String, JsonNode>> it = object.fields(); it.hasNext(); ) {
        Map.Entry<String, JsonNode> field = it.next();
        path.add("f:" + field.getKey());
        names.add(field.getKey());
        walk(field.getValue(), path, names);
        names.remove(names.size() - 1);
        path.remove(path.size() - 1);
      }
    }

    private void walkList(JsonNode list, List<String> path, List<String> names) {
      Optional<List<String>> keys = schema.at(names);
      if (keys.isEmpty() || !keyable(list, keys.get())) {
        values.put(List.copyOf(path), list); // atomic: the list is one field
        return;
      }
      for (JsonNode item : list) {
        if (keys.get().isEmpty()) {
          path.add("v:" + Json.write(item));
          values.put(List.copyOf(path), item);
        } else {
          ObjectNode key = JsonNodeFactory.instance.objectNode();
          keys.get().forEach(k -> key.set(k, item.get(k)));
          path.add("k:" + Json.write(key));
          values.put(List.copyOf(path), item);
          containers.add(List.copyOf(path));
          walkObject((ObjectNode) item, path, names, false);
        }
        path.remove(path.size() - 1);
      }
    }

    /** A list is tracked item by item only when every item has its keys (else atomic). */
    private static boolean keyable(JsonNode list, List<String> keys) {
      for (JsonNode item : list) {
        if (keys.isEmpty() ? item.isContainerNode() : !item.isObject()) {
          return false;
        }
        for (String key : keys) {
          if (!item.hasNonNull(key)) {
            return false;
          }
        }
      }
      return true;
    }
  }
}
