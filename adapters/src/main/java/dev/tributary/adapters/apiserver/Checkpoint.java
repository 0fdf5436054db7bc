package dev.tributary.adapters.apiserver;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import java.util.Map;
import java.util.TreeMap;

/**
 * What one watch has delivered: the resourceVersion to resume watching from, and the
 * resourceVersion of every object as last delivered (to compute the difference after a 410).
 *
 * @param selector the label selector the watch used; a checkpoint made with another selector is not
 *     resumed from
 * @param resourceVersion resume the watch after this; "" for none
 * @param objects {@code namespace/name} (or {@code name}) to the resourceVersion last delivered;
 *     null when unknown (the checkpoint was too large to keep them)
 */
@JsonPropertyOrder({"selector", "resourceVersion", "objects"})
@JsonInclude(JsonInclude.Include.NON_NULL)
record Checkpoint(String selector, String resourceVersion, Map<String, String> objects) {

  Checkpoint {
    selector = selector == null ? "" : selector;
    resourceVersion = resourceVersion == null ? "" : resourceVersion;
    objects = objects == null ? null : new TreeMap<>(objects);
  }

  /** This checkpoint without its objects. */
  Checkpoint withoutObjects() {
    return new Checkpoint(selector, resourceVersion, null);
  }
}
