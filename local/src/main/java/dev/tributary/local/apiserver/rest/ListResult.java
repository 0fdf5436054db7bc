package dev.tributary.local.apiserver.rest;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;

/**
 * One page of a LIST.
 *
 * @param items the selected objects, in the requested version
 * @param revision the list's resourceVersion
 * @param continueToken the next page's token, or null for the last page
 * @param remainingItemCount the list's {@code metadata.remainingItemCount}: how many objects follow
 *     this page, or null when not known (a LIST with selectors, or the last page)
 */
public record ListResult(
    List<ObjectNode> items, long revision, String continueToken, Long remainingItemCount) {

  public ListResult {
    items = List.copyOf(items);
  }

  /** A result without a remaining item count. */
  public ListResult(List<ObjectNode> items, long revision, String continueToken) {
    this(items, revision, continueToken, null);
  }
}
