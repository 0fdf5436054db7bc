package dev.tributary.local.apiserver.patch;

import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The strategic-merge metadata of one kind: which list fields merge, and by which key. A path is
 * the sequence of object member names from the root of the object; list elements add no segment, so
 * {@code spec.template.spec.containers.env} names the env list of every container.
 *
 * @param mergeLists every merging list of the kind; any other list is atomic (replaced)
 */
public record PatchSchema(Map<List<String>, ListMerge> mergeLists) {

  public PatchSchema {
    mergeLists = Map.copyOf(mergeLists);
  }

  /** How the list at {@code path} merges; empty when it is replaced wholesale. */
  public Optional<ListMerge> listMerge(List<String> path) {
    return Optional.ofNullable(mergeLists.get(path));
  }
}
