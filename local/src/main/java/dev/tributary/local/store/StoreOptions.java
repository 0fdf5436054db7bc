package dev.tributary.local.store;

import java.util.Objects;

/**
 * Tuning of a {@link Store}.
 *
 * @param historySize how many of the latest events the in-memory watch history keeps; a watch may
 *     start from any revision this window still covers
 * @param watchQueueCapacity how many live events may wait for one slow watcher before it is ended
 *     with {@link StoreException.Expired}
 * @param durability what an acknowledged write survives
 */
public record StoreOptions(int historySize, int watchQueueCapacity, Durability durability) {

  public StoreOptions {
    if (historySize < 1 || watchQueueCapacity < 1) {
      throw new IllegalArgumentException(
          "historySize and watchQueueCapacity must be positive: "
              + historySize
              + ", "
              + watchQueueCapacity);
    }
    Objects.requireNonNull(durability, "durability");
  }

  /**
   * 10,000 events of history, 1,000 queued events per watcher, {@link Durability#PROCESS_CRASH}.
   */
  public static StoreOptions defaults() {
    return new StoreOptions(10_000, 1_000, Durability.PROCESS_CRASH);
  }

  public StoreOptions withHistorySize(int size) {
    return new StoreOptions(size, watchQueueCapacity, durability);
  }

  public StoreOptions withWatchQueueCapacity(int capacity) {
    return new StoreOptions(historySize, capacity, durability);
  }

  public StoreOptions withDurability(Durability value) {
    return new StoreOptions(historySize, watchQueueCapacity, value);
  }
}
