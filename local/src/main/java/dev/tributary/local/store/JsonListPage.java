package dev.tributary.local.store;

import java.util.List;

/**
 * One answer to {@link Store#listJson}: a {@link ListPage} whose items are left as the stored JSON.
 *
 * @param items each object as stored: one UTF-8 JSON object, in the store's (storage) version;
 *     arrays the caller owns
 * @param revision as {@link ListPage#revision()}
 * @param continueToken as {@link ListPage#continueToken()}
 * @param remainingItemCount as {@link ListPage#remainingItemCount()}
 */
public record JsonListPage(
    List<byte[]> items, long revision, String continueToken, Long remainingItemCount) {

  public JsonListPage {
    items = List.copyOf(items);
  }
}
