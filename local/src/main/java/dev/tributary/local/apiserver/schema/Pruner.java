package dev.tributary.local.apiserver.schema;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * Drops what a structural schema does not declare from a custom object, as the API server does when
 * it decodes a write (apiextensions-apiserver's pruning):
 *
 * <ul>
 *   <li>fields neither in {@code properties} nor allowed by {@code additionalProperties} go, at any
 *       depth, except under {@code x-kubernetes-preserve-unknown-fields: true} (where declared
 *       properties are still pruned by their own schemas);
 *   <li>{@code apiVersion}, {@code kind} and {@code metadata} of the object and of every {@code
 *       x-kubernetes-embedded-resource} are never pruned by the schema; their {@code metadata}
 *       keeps only the fields ObjectMeta has;
 *   <li>{@code null} values of fields that are neither {@code nullable} nor defaulted are removed
 *       (the defaulter replaces defaulted ones).
 * </ul>
 *
 * <p>Immutable and thread-safe; never mutates its input.
 */
public final class Pruner {

  private static final Set<String> TYPE_AND_OBJECT_META = Set.of("apiVersion", "kind", "metadata");

  /** The JSON fields of ObjectMeta (and of the lists in it) that survive a decode round trip. */
  private static final Set<String> OBJECT_META_FIELDS =
      Set.of(
          "name",
          "generateName",
          "namespace",
          "selfLink",
          "uid",
          "resourceVersion",
          "generation",
          "creationTimestamp",
          "deletionTimestamp",
          "deletionGracePeriodSeconds",
          "labels",
          "annotations",
          "ownerReferences",
          "finalizers",
          "managedFields");

  private static final Map<String, Set<String>> OBJECT_META_LIST_FIELDS =
      Map.of(
          "ownerReferences",
          Set.of("apiVersion", "kind", "name", "uid", "controller", "blockOwnerDeletion"),
          "managedFields",
          Set.of(
              "manager",
              "operation",
              "apiVersion",
              "time",
              "fieldsType",
              "fieldsV1",
              "subresource"));

  private final StructuralSchema root;

  /**
   * @param root the version's {@code openAPIV3Schema}; {@code null} prunes everything but {@code
   *     apiVersion}, {@code kind} and {@code metadata}
   */
  public Pruner(StructuralSchema root) {
    this.root = root;
  }

  /** Prunes a copy of {@code object}; see the class comment for what goes. */
  public PruneResult prune(ObjectNode object) {
    Objects.requireNonNull(object, "object");
    ObjectNode copy = object.deepCopy();
    List<String> unknown = new ArrayList<>();
    pruneObjectMeta(copy, "", unknown);

    List<String> pruned = new ArrayList<>();
    StructuralSchema resource = root == null ? emptyResource() : root.asEmbeddedResource();
    prune(copy, resource, "", pruned);
    Collections.sort(pruned);
    unknown.addAll(pruned);

    pruneNonNullableNulls(copy, root);
    coerceEmbeddedMeta(copy, root, "", unknown);
    return new PruneResult(copy, unknown);
  }

  /**
   * Prunes {@code value} in place by {@code schema} as a nested value, not a resource root; used to
   * prune schema defaults.
   */
  static void pruneValue(JsonNode value, StructuralSchema schema) {
    prune(value, schema, "", new ArrayList<>());
  }

  private static StructuralSchema emptyResource() {
    return new StructuralSchema("", "", "", false, null, Map.of(), null, null, null, null)
        .asEmbeddedResource();
  }

  private static void prune(JsonNode x, StructuralSchema s, String path, List<String> unknown) {
    if (s != null && s.preservesUnknownFields()) {
      skipPrune(x, s, path, unknown);
      return;
    }
    if (x instanceof ObjectNode object) {
      for (String k : fieldNames(object)) {
        if (s == null) {
          unknown.add(appendKey(path, k));
          object.remove(k);
          continue;
        }
        if (s.embeddedResource() && TYPE_AND_OBJECT_META.contains(k)) {
          continue;
        }
        StructuralSchema prop = s.property(k);
        if (prop != null) {
          prune(object.get(k), prop, appendKey(path, k), unknown);
        } else if (s.additionalProperties() != null) {
          prune(object.get(k), s.additionalProperties().schema(), appendKey(path, k), unknown);
        } else {
          // The resource root's own type and object meta are never reported as unknown.
          if (!TYPE_AND_OBJECT_META.contains(k) || !path.isEmpty()) {
            unknown.add(appendKey(path, k));
          }
          object.remove(k);
        }
      }
    } else if (x instanceof ArrayNode array) {
      StructuralSchema items = s == null ? null : s.items();
      for (int i = 0; i < array.size(); i++) {
        prune(array.get(i), items, path + "[" + i + "]", unknown);
      }
    }
  }

  /** Under preserve-unknown-fields: keep unknown fields, prune declared ones by their schemas. */
  private static void skipPrune(JsonNode x, StructuralSchema s, String path, List<String> unknown) {
    if (s == null) {
      return;
    }
    if (x instanceof ObjectNode object) {
      for (String k : fieldNames(object)) {
        if (s.embeddedResource() && TYPE_AND_OBJECT_META.contains(k)) {
          continue;
        }
        StructuralSchema prop = s.property(k);
        if (prop != null) {
          prune(object.get(k), prop, appendKey(path, k), unknown);
        } else if (s.additionalProperties() != null) {
          prune(object.get(k), s.additionalProperties().schema(), appendKey(path, k), unknown);
        }
      }
    } else if (x instanceof ArrayNode array) {
      for (int i = 0; i < array.size(); i++) {
        skipPrune(array.get(i), s.items(), path + "[" + i + "]", unknown);
      }
    }
  }

  /** Removes nulls the schema neither allows ({@code nullable}) nor defaults. */
  private static void pruneNonNullableNulls(JsonNode x, StructuralSchema s) {
    if (x instanceof ObjectNode object) {
      for (String k : fieldNames(object)) {
        StructuralSchema field = fieldSchema(s, k);
        JsonNode v = object.get(k);
        if (v.isNull() && field != null && !field.nullable() && !field.hasDefault()) {
          object.remove(k);
        } else {
          pruneNonNullableNulls(v, field);
        }
      }
    } else if (x instanceof ArrayNode array) {
      StructuralSchema items = s == null ? null : s.items();
      array.forEach(item -> pruneNonNullableNulls(item, items));
    }
  }

  private static StructuralSchema fieldSchema(StructuralSchema s, String k) {
    if (s == null) {
      return null;
    }
    StructuralSchema prop = s.property(k);
    if (prop != null) {
      return prop;
    }
    return s.additionalProperties() == null ? null : s.additionalProperties().schema();
  }

  /** Embedded resources' metadata keeps only ObjectMeta's fields, as their decoding does. */
  private static void coerceEmbeddedMeta(
      JsonNode x, StructuralSchema s, String path, List<String> unknown) {
    if (s == null) {
      return;
    }
    if (x instanceof ObjectNode object) {
      if (s.embeddedResource() && !path.isEmpty()) {
        pruneObjectMeta(object, path, unknown);
      }
      for (String k : fieldNames(object)) {
        StructuralSchema field = fieldSchema(s, k);
        coerceEmbeddedMeta(object.get(k), field, appendKey(path, k), unknown);
      }
    } else if (x instanceof ArrayNode array) {
      for (int i = 0; i < array.size(); i++) {
        coerceEmbeddedMeta(array.get(i), s.items(), path + "[" + i + "]", unknown);
      }
    }
  }

  private static void pruneObjectMeta(ObjectNode resource, String path, List<String> unknown) {
    if (!(resource.get("metadata") instanceof ObjectNode meta)) {
      return; // absent, or malformed: decoding the metadata reports that, not pruning
    }
    String metaPath = appendKey(path, "metadata");
    for (String k : fieldNames(meta)) {
      if (!OBJECT_META_FIELDS.contains(k)) {
        unknown.add(appendKey(metaPath, k));
        meta.remove(k);
      } else if (OBJECT_META_LIST_FIELDS.containsKey(k) && meta.get(k) instanceof ArrayNode list) {
        Set<String> known = OBJECT_META_LIST_FIELDS.get(k);
        for (int i = 0; i < list.size(); i++) {
          if (list.get(i) instanceof ObjectNode entry) {
            for (String f : fieldNames(entry)) {
              if (!known.contains(f)) {
                unknown.add(appendKey(metaPath + "." + k + "[" + i + "]", f));
                entry.remove(f);
              }
            }
          }
        }
      }
    }
  }

  private static List<String> fieldNames(ObjectNode object) {
    List<String> names = new ArrayList<>(object.size());
    object.fieldNames().forEachRemaining(names::add);
    return names;
  }

  private static String appendKey(String path, String key) {
    return path.isEmpty() ? key : path + "." + key;
  }
}
