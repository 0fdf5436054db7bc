package dev.tributary.local.apiserver.schema;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.NullNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Applies a structural schema's {@code default}s to a custom object, as apiextensions-apiserver
 * does: a property that is absent, or {@code null} while not {@code nullable}, gets its default;
 * then defaulting descends into every property (so defaults inside a just-defaulted object apply
 * too), additional property and list item, where non-nullable {@code null}s are replaced as well.
 *
 * <p>Kubernetes prunes the defaults themselves once, when it loads the CRD, so a default can never
 * bring back a field pruning removed; this class does the same at construction. The server's order
 * is therefore prune → default → validate, with no second pruning pass.
 *
 * <p>Immutable and thread-safe; never mutates its input.
 */
public final class Defaulter {

  private final StructuralSchema root;
  private final Map<StructuralSchema, JsonNode> prunedDefaults = new IdentityHashMap<>();

  /**
   * @param root the version's {@code openAPIV3Schema}; {@code null} applies no defaults
   */
  public Defaulter(StructuralSchema root) {
    this.root = root;
    collectDefaults(root);
  }

  /** A copy of {@code object} with the defaults applied. */
  public ObjectNode apply(ObjectNode object) {
    Objects.requireNonNull(object, "object");
    ObjectNode copy = object.deepCopy();
    applyTo(copy, root);
    return copy;
  }

  private void collectDefaults(StructuralSchema s) {
    if (s == null || prunedDefaults.containsKey(s)) {
      return;
    }
    if (s.hasDefault()) {
      JsonNode value = s.defaultValue();
      Pruner.pruneValue(value, s);
      prunedDefaults.put(s, value);
    }
    s.properties().values().forEach(this::collectDefaults);
    collectDefaults(s.items());
    if (s.additionalProperties() != null) {
      collectDefaults(s.additionalProperties().schema());
    }
  }

  /** A fresh copy of the pruned default of {@code s}, or JSON null when it has none. */
  private JsonNode defaultOf(StructuralSchema s) {
    JsonNode value = prunedDefaults.get(s);
    return value == null ? NullNode.getInstance() : value.deepCopy();
  }

  private void applyTo(JsonNode x, StructuralSchema s) {
    if (s == null) {
      return;
    }
    if (x instanceof ObjectNode object) {
      for (Map.Entry<String, StructuralSchema> e : s.properties().entrySet()) {
        StructuralSchema prop = e.getValue();
        if (!prop.hasDefault()) {
          continue;
        }
        JsonNode current = object.get(e.getKey());
        if (current == null || isNonNullableNull(current, prop)) {
          object.set(e.getKey(), defaultOf(prop));
        }
      }
      List<String> names = new ArrayList<>(object.size());
      object.fieldNames().forEachRemaining(names::add);
      for (String k : names) {
        StructuralSchema prop = s.property(k);
        if (prop != null) {
          applyTo(object.get(k), prop);
        } else if (s.additionalProperties() != null) {
          StructuralSchema additional = s.additionalProperties().schema();
          if (isNonNullableNull(object.get(k), additional)) {
            object.set(k, defaultOf(additional));
          }
          applyTo(object.get(k), additional);
        }
      }
    } else if (x instanceof ArrayNode array) {
      for (int i = 0; i < array.size(); i++) {
        if (isNonNullableNull(array.get(i), s.items())) {
          array.set(i, defaultOf(s.items()));
        }
        applyTo(array.get(i), s.items());
      }
    }
  }

  private static boolean isNonNullableNull(JsonNode x, StructuralSchema s) {
    return x != null && x.isNull() && s != null && !s.nullable();
  }
}
