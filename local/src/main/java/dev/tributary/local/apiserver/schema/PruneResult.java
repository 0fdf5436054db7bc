package dev.tributary.local.apiserver.schema;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;
import java.util.Objects;

/**
 * What {@link Pruner#prune} made of an object.
 *
 * @param object the pruned copy; the caller owns it
 * @param unknownFields the paths of the fields that were dropped, e.g. {@code spec.foo} or {@code
 *     metadata.bar}, for {@code fieldValidation=Strict} (a 400 naming them) or {@code Warn} (one
 *     {@code unknown field "spec.foo"} warning each); empty when nothing was dropped
 */
public record PruneResult(ObjectNode object, List<String> unknownFields) {

  public PruneResult {
    Objects.requireNonNull(object, "object");
    unknownFields = List.copyOf(unknownFields);
  }
}
