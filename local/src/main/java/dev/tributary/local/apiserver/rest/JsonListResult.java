package dev.tributary.local.apiserver.rest;

import java.util.List;

/**
 * One page of a LIST whose items are already serialised: {@link ListResult} for answers that are
 * written straight out as JSON.
 *
 * @param items each object as one compact UTF-8 JSON object, in the requested version
 * @param revision the list's resourceVersion
 * @param continueToken the next page's token, or null for the last page
 * @param remainingItemCount as {@link ListResult#remainingItemCount()}
 */
public record JsonListResult(
    List<byte[]> items, long revision, String continueToken, Long remainingItemCount) {

  public JsonListResult {
    items = List.copyOf(items);
  }
}
