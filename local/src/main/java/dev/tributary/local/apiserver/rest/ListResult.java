package dev.tributary.local.apiserver.rest;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;

/**
 * One page of a LIST.
 *
 * @param items the selected objects, in the requested version
 * @param revision the list's resourceVersion
 * @param continueToken the next page's token, or null for the last page
 */
public record ListResult(List<ObjectNode> items, long revision, String continueToken) {

  public ListResult {
    items = List.copyOf(items);
  }
}
