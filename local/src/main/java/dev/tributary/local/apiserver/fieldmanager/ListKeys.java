package dev.tributary.local.apiserver.fieldmanager;

import com.fasterxml.jackson.databind.JsonNode;
import dev.tributary.local.apiserver.patch.PatchSchema;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * How field ownership tracks the lists of a kind: item by item under their key fields ({@code
 * k:{...}}), item by item by value for sets of primitives ({@code v:...}), or as one atomic field.
 * A path is the sequence of object member names from the root; list items add no segment.
 */
@FunctionalInterface
public interface ListKeys {

  /** No list is keyed: every list is one field. */
  ListKeys ATOMIC = path -> Optional.empty();

  /**
   * The key fields of the list at {@code path}: empty for an atomic list, an empty list for a set
   * of primitives, else the fields that identify an item.
   */
  Optional<List<String>> at(List<String> path);

  /** The strategic-merge keys of a built-in kind ({@code patchMergeKey}). */
  static ListKeys of(Optional<PatchSchema> schema) {
    if (schema.isEmpty()) {
      return ATOMIC;
    }
    PatchSchema patchSchema = schema.get();
    return path ->
        patchSchema
            .listMerge(path)
            .map(merge -> merge.primitives() ? List.of() : List.of(merge.mergeKey()));
  }

  /**
   * The keys a CRD version's {@code openAPIV3Schema} declares: {@code x-kubernetes-list-type: map}
   * with its {@code x-kubernetes-list-map-keys}, {@code set}; every other list is atomic. The
   * metadata lists follow ObjectMeta's (finalizers a set, ownerReferences keyed by uid).
   */
  static ListKeys ofOpenApi(JsonNode openApiV3Schema) {
    Map<List<String>, List<String>> keys = new HashMap<>();
    keys.put(List.of("metadata", "finalizers"), List.of());
    keys.put(List.of("metadata", "ownerReferences"), List.of("uid"));
    if (openApiV3Schema != null) {
      OpenApiListKeys.collect(openApiV3Schema, new ArrayList<>(), keys);
    }
    Map<List<String>, List<String>> frozen = Map.copyOf(keys);
    return path -> Optional.ofNullable(frozen.get(path));
  }
}
