package dev.tributary.local.store;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;

/**
 * One answer to {@link Store#list}.
 *
 * @param items the objects, ordered by namespace then name; each a copy owned by the caller
 * @param revision the revision the list stands for (its {@code metadata.resourceVersion}); for a
 *     continuation page, the first page's revision (see {@link Store#list} on paging)
 * @param continueToken an opaque token for the next page, or {@code null} if this page is the last
 * @param remainingItemCount how many objects follow this page, or {@code null} when not counted
 *     (not asked for, or no page follows)
 */
public record ListPage(
    List<ObjectNode> items, long revision, String continueToken, Long remainingItemCount) {

  public ListPage {
    items = List.copyOf(items);
  }

  /** A page whose remaining objects were not counted. */
  public ListPage(List<ObjectNode> items, long revision, String continueToken) {
    this(items, revision, continueToken, null);
  }
}
