package dev.tributary.local.store;

import static dev.tributary.local.store.StoreTest.configMap;
import static dev.tributary.local.store.StoreTest.object;
import static dev.tributary.local.store.StoreTest.rv;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.stream.LongStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

class StoreWatchTest {

  @TempDir Path dir;

  private Store store;

  private Store open(StoreOptions options) {
    store = Store.open(dir, options);
    return store;
  }

  @AfterEach
  void close() {
    if (store != null) {
      store.close();
    }
  }

  private void createConfigMaps(String... names) {
    for (String name : names) {
      store.create(configMap(name), object(name, ""));
    }
  }

  @Test
  void watchReplaysTheHistoryAfterItsRevisionThenDeliversLiveEvents() {
    open(StoreOptions.defaults());
    createConfigMaps("a", "b", "c", "d", "e");
    RecordingListener listener = new RecordingListener();

    try (Watch watch = store.watch("configmaps", "default", 2, listener)) {
      await().until(() -> listener.events.size() == 3);
      store.update(configMap("a"), object("a", "changed"), 1L);
      store.delete(configMap("b"), null);

      await().until(() -> listener.events.size() == 5);
    }
    assertThat(listener.revisions()).containsExactly(3L, 4L, 5L, 6L, 7L);
    assertThat(listener.events.stream().map(WatchEvent::type))
        .containsExactly(
            WatchEvent.Type.ADDED,
            WatchEvent.Type.ADDED,
            WatchEvent.Type.ADDED,
            WatchEvent.Type.MODIFIED,
            WatchEvent.Type.DELETED);
    assertThat(listener.names())
        .containsExactly(
            "configmaps/default/c",
            "configmaps/default/d",
            "configmaps/default/e",
            "configmaps/default/a",
            "configmaps/default/b");
    WatchEvent modified = listener.events.get(3);
    assertThat(modified.object().path("data").path("value").asText()).isEqualTo("changed");
    assertThat(rv(modified.object())).isEqualTo(6);
    WatchEvent deleted = listener.events.get(4);
    assertThat(rv(deleted.object())).as("DELETED carries the deletion revision").isEqualTo(7);
    assertThat(deleted.object().path("metadata").path("name").asText()).isEqualTo("b");
    assertThat(listener.ends).hasValue(0);
  }

  @Test
  void parallelWritersAreSeenByAWatchInRevisionOrderWithoutGaps() throws Exception {
    open(StoreOptions.defaults());
    RecordingListener listener = new RecordingListener();
    int threads = 4;
    int perThread = 100;
    try (Watch watch = store.watch("configmaps", null, 0, listener);
        ExecutorService pool = Executors.newFixedThreadPool(threads)) {
      List<Future<?>> done = new ArrayList<>();
      for (int t = 0; t < threads; t++) {
        String prefix = "t" + t + "-";
        done.add(
            pool.submit(
                () -> {
                  for (int i = 0; i < perThread; i++) {
                    store.create(configMap(prefix + i), object(prefix + i, ""));
                    if (i % 2 == 1) {
                      store.update(configMap(prefix + i), object(prefix + i, "x"), null);
                    }
                  }
                }));
      }
      for (Future<?> future : done) {
        future.get();
      }
      int writes = threads * perThread * 3 / 2;

      await().until(() -> listener.events.size() == writes);
      assertThat(listener.revisions())
          .containsExactlyElementsOf(LongStream.rangeClosed(1, writes).boxed().toList());
    }
  }

  @Test
  void watchFromTheCurrentRevisionGetsOnlyLaterWrites() {
    open(StoreOptions.defaults());
    createConfigMaps("a", "b");
    RecordingListener listener = new RecordingListener();

    try (Watch watch = store.watch("configmaps", null, store.currentRevision(), listener)) {
      createConfigMaps("c");

      await().until(() -> !listener.events.isEmpty());
    }
    assertThat(listener.revisions()).containsExactly(3L);
  }

  @Test
  void watchFromAFutureRevisionStartsWhenTheStoreGetsThere() {
    open(StoreOptions.defaults());
    RecordingListener listener = new RecordingListener();

    try (Watch watch = store.watch("configmaps", null, 2, listener)) {
      createConfigMaps("a", "b", "c", "d");

      await().until(() -> listener.events.size() == 2);
    }
    assertThat(listener.revisions()).containsExactly(3L, 4L);
  }

  @Test
  void watchesSeeOnlyTheirResourceAndNamespace() {
    open(StoreOptions.defaults());
    RecordingListener inA = new RecordingListener();
    RecordingListener allConfigMaps = new RecordingListener();
    RecordingListener namespaces = new RecordingListener();
    RecordingListener everything = new RecordingListener();
    try (Watch w1 = store.watch("configmaps", "a", 0, inA);
        Watch w2 = store.watch("configmaps", null, 0, allConfigMaps);
        Watch w3 = store.watch("namespaces", null, 0, namespaces);
        Watch w4 = store.watch("namespaces", "", 0, everything)) {
      store.create(new ObjectKey("configmaps", "a", "x"), object("x", ""));
      store.create(new ObjectKey("configmaps", "b", "x"), object("x", ""));
      store.create(new ObjectKey("secrets", "a", "x"), object("x", ""));
      store.create(ObjectKey.cluster("namespaces", "a"), object("a", ""));
      store.create(new ObjectKey("configmaps", "a", "y"), object("y", ""));

      await().until(() -> allConfigMaps.events.size() == 3 && everything.events.size() == 1);
      await().until(() -> inA.events.size() == 2 && namespaces.events.size() == 1);
    }
    assertThat(inA.names()).containsExactly("configmaps/a/x", "configmaps/a/y");
    assertThat(allConfigMaps.names())
        .containsExactly("configmaps/a/x", "configmaps/b/x", "configmaps/a/y");
    assertThat(namespaces.names()).containsExactly("namespaces/a");
    assertThat(everything.revisions()).containsExactly(4L);
  }

  @Test
  void watchFromBeforeTheHistoryWindowIsExpiredWithKubernetesMessage() {
    open(StoreOptions.defaults().withHistorySize(10));
    for (int i = 0; i < 30; i++) {
      createConfigMaps("cm-" + i);
    }
    RecordingListener listener = new RecordingListener();

    assertThatThrownBy(() -> store.watch("configmaps", null, 19, listener))
        .isInstanceOf(StoreException.Expired.class)
        .hasMessage("too old resource version: 19 (20)");
    try (Watch watch = store.watch("configmaps", null, 20, listener)) {
      await().until(() -> listener.events.size() == 10);
    }
    assertThat(listener.revisions()).first().isEqualTo(21L);
    assertThat(listener.revisions()).last().isEqualTo(30L);
  }

  @Test
  void afterReopenTheWindowStartsAtTheCurrentRevision() {
    open(StoreOptions.defaults());
    createConfigMaps("a", "b", "c", "d", "e");
    store.close();
    open(StoreOptions.defaults());
    RecordingListener listener = new RecordingListener();

    assertThatThrownBy(() -> store.watch("configmaps", null, 4, listener))
        .isInstanceOf(StoreException.Expired.class)
        .hasMessage("too old resource version: 4 (5)");
    assertThatThrownBy(() -> store.watch("configmaps", null, 0, listener))
        .isInstanceOf(StoreException.Expired.class)
        .hasMessage("too old resource version: 0 (5)");
    try (Watch watch = store.watch("configmaps", null, 5, listener)) {
      createConfigMaps("f");

      await().until(() -> !listener.events.isEmpty());
    }
    assertThat(listener.revisions()).containsExactly(6L);
  }

  @Test
  @Timeout(value = 60, unit = TimeUnit.SECONDS) // guards against a writer blocked by the watcher
  void slowWatcherNeitherBlocksWritesNorOtherWatchersAndEndsExpired() throws Exception {
    open(StoreOptions.defaults().withWatchQueueCapacity(4));
    CountDownLatch release = new CountDownLatch(1);
    RecordingListener slow =
        new RecordingListener() {
          @Override
          public void onEvent(WatchEvent event) {
            super.onEvent(event);
            try {
              release.await();
            } catch (InterruptedException e) {
              Thread.currentThread().interrupt();
            }
          }
        };
    RecordingListener fast = new RecordingListener();
    try (Watch slowWatch = store.watch("configmaps", null, 0, slow);
        Watch fastWatch = store.watch("configmaps", null, 0, fast)) {
      // One write at a time, each awaited by the fast watcher, so only the slow one falls behind.
      for (int i = 0; i < 50; i++) {
        createConfigMaps("cm-" + i);
        int written = i + 1;
        await()
            .pollDelay(Duration.ZERO)
            .pollInterval(Duration.ofMillis(1))
            .until(() -> fast.events.size() == written);
      }
      assertThat(store.currentRevision()).isEqualTo(50);

      release.countDown();

      await().until(() -> slow.ends.get() == 1);
      assertThat(slow.endCause.get())
          .isInstanceOf(StoreException.Expired.class)
          .hasMessageContaining("fell behind");
      assertThat(slow.events.size()).isLessThan(50);
      assertThat(fast.ends).hasValue(0);
      assertThat(fast.revisions()).isSorted().doesNotHaveDuplicates();
    }
  }

  @Test
  void closedWatchGetsNoFurtherEventsNorOnEnd() {
    open(StoreOptions.defaults());
    RecordingListener closed = new RecordingListener();
    RecordingListener open = new RecordingListener();
    Watch watch = store.watch("configmaps", null, 0, closed);
    try (Watch other = store.watch("configmaps", null, 0, open)) {
      createConfigMaps("a");
      await().until(() -> closed.events.size() == 1 && open.events.size() == 1);

      watch.close();
      watch.close();
      createConfigMaps("b", "c");

      await().until(() -> open.events.size() == 3);
    }
    assertThat(closed.revisions()).containsExactly(1L);
    assertThat(closed.ends).hasValue(0);
  }

  @Test
  void watchCanBeClosedFromItsOwnListener() {
    open(StoreOptions.defaults());
    Watch[] self = new Watch[1];
    RecordingListener closing =
        new RecordingListener() {
          @Override
          public void onEvent(WatchEvent event) {
            super.onEvent(event);
            self[0].close();
          }
        };
    RecordingListener barrier = new RecordingListener();
    createConfigMaps("a", "b");
    try (Watch other = store.watch("configmaps", null, 0, barrier)) {
      self[0] = store.watch("configmaps", null, 2, closing);
      createConfigMaps("c", "d");

      await().until(() -> barrier.events.size() == 4 && closing.events.size() == 1);
    }
    assertThat(closing.revisions()).containsExactly(3L);
    assertThat(closing.ends).hasValue(0);
  }

  @Test
  void closingTheStoreEndsWatchesWithoutCause() {
    open(StoreOptions.defaults());
    RecordingListener listener = new RecordingListener();
    store.watch("configmaps", null, 0, listener);

    store.close();

    await().until(() -> listener.ends.get() == 1);
    assertThat(listener.endCause.get()).isNull();
    assertThatThrownBy(() -> store.watch("configmaps", null, 0, new RecordingListener()))
        .isInstanceOf(IllegalStateException.class);
    store = null;
  }

  @Test
  void replayIsNotLimitedByTheLiveQueueCapacity() {
    open(StoreOptions.defaults().withWatchQueueCapacity(2));
    for (int i = 0; i < 20; i++) {
      createConfigMaps("cm-" + i);
    }
    RecordingListener listener = new RecordingListener();

    try (Watch watch = store.watch("configmaps", null, 0, listener)) {
      await().until(() -> listener.events.size() == 20);
    }
    assertThat(listener.revisions())
        .isEqualTo(
            List.of(
                1L, 2L, 3L, 4L, 5L, 6L, 7L, 8L, 9L, 10L, 11L, 12L, 13L, 14L, 15L, 16L, 17L, 18L,
                19L, 20L));
    assertThat(listener.ends).hasValue(0);
  }
}
