package dev.tributary.local.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.stream.LongStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class StoreTest {

  @TempDir Path dir;

  private Store store;

  @BeforeEach
  void open() {
    store = Store.open(dir, StoreOptions.defaults());
  }

  @AfterEach
  void close() {
    store.close();
  }

  static ObjectKey configMap(String name) {
    return new ObjectKey("configmaps", "default", name);
  }

  static ObjectNode object(String name, String value) {
    return object(configMap(name), value);
  }

  static ObjectNode object(ObjectKey key, String value) {
    ObjectNode object = JsonNodeFactory.instance.objectNode();
    object.put("apiVersion", "v1").put("kind", "ConfigMap");
    ObjectNode metadata = object.putObject("metadata").put("name", key.name());
    if (!key.namespace().isEmpty()) {
      metadata.put("namespace", key.namespace());
    }
    object.putObject("data").put("value", value);
    return object;
  }

  /** Creates an object with {@code key}'s name and namespace. */
  private ObjectNode create(ObjectKey key) {
    return store.create(key, object(key, ""));
  }

  static long rv(ObjectNode object) {
    return Long.parseLong(object.path("metadata").path("resourceVersion").asText());
  }

  @Test
  void createStampsTheNextRevisionAndGetReturnsTheStoredCopy() {
    assertThat(store.currentRevision()).isZero();
    ObjectNode input = object("a", "1");

    ObjectNode created = store.create(configMap("a"), input);

    assertThat(rv(created)).isEqualTo(1);
    assertThat(created.path("data").path("value").asText()).isEqualTo("1");
    assertThat(input.path("metadata").has("resourceVersion"))
        .as("the caller's object is not modified")
        .isFalse();
    assertThat(store.currentRevision()).isEqualTo(1);
    assertThat(store.get(configMap("a"))).contains(created);
    assertThat(store.get(configMap("b"))).isEmpty();
    assertThat(store.get(new ObjectKey("configmaps", "other", "a"))).isEmpty();
  }

  @Test
  void createWithoutMetadataGetsMetadataWithTheRevision() {
    ObjectNode created =
        store.create(ObjectKey.cluster("namespaces", "n"), JsonNodeFactory.instance.objectNode());

    assertThat(created.path("metadata").path("resourceVersion").asText()).isEqualTo("1");
  }

  @Test
  void returnedObjectsAreCopiesTheCallerOwns() {
    ObjectNode created = store.create(configMap("a"), object("a", "1"));
    created.put("mutated", true);
    store.get(configMap("a")).orElseThrow().put("mutated", true);

    assertThat(store.get(configMap("a")).orElseThrow().has("mutated")).isFalse();
  }

  @Test
  void createOfAnExistingKeyIsAlreadyExistsAndTakesNoRevision() {
    store.create(configMap("a"), object("a", "1"));

    assertThatThrownBy(() -> store.create(configMap("a"), object("a", "2")))
        .isInstanceOfSatisfying(
            StoreException.AlreadyExists.class, e -> assertThat(e.key()).isEqualTo(configMap("a")));
    assertThat(store.currentRevision()).isEqualTo(1);
    assertThat(store.get(configMap("a")).orElseThrow().path("data").path("value").asText())
        .isEqualTo("1");
    assertThat(rv(store.create(configMap("b"), object("b", "1")))).isEqualTo(2);
  }

  @Test
  void updateReplacesTheObjectUnderANewRevision() {
    store.create(configMap("a"), object("a", "1"));

    ObjectNode updated = store.update(configMap("a"), object("a", "2"), 1L);
    ObjectNode unconditional = store.update(configMap("a"), object("a", "3"), null);

    assertThat(rv(updated)).isEqualTo(2);
    assertThat(rv(unconditional)).isEqualTo(3);
    assertThat(store.get(configMap("a"))).contains(unconditional);
  }

  @Test
  void updateOfAMissingObjectIsNotFound() {
    assertThatThrownBy(() -> store.update(configMap("a"), object("a", "1"), null))
        .isInstanceOf(StoreException.NotFound.class);
    assertThatThrownBy(() -> store.update(configMap("a"), object("a", "1"), 5L))
        .isInstanceOf(StoreException.NotFound.class);
    assertThat(store.currentRevision()).isZero();
  }

  @Test
  void updateWithAStaleRevisionIsConflictAndChangesNothing() {
    store.create(configMap("a"), object("a", "1"));
    store.update(configMap("a"), object("a", "2"), 1L);

    assertThatThrownBy(() -> store.update(configMap("a"), object("a", "stale"), 1L))
        .isInstanceOfSatisfying(
            StoreException.Conflict.class,
            e -> {
              assertThat(e.expectedRevision()).isEqualTo(1);
              assertThat(e.actualRevision()).isEqualTo(2);
            });
    assertThat(store.currentRevision()).isEqualTo(2);
    assertThat(store.get(configMap("a")).orElseThrow().path("data").path("value").asText())
        .isEqualTo("2");
  }

  @Test
  void deleteReturnsTheLastStateAtTheDeletionRevision() {
    store.create(configMap("a"), object("a", "1"));
    store.update(configMap("a"), object("a", "2"), 1L);

    ObjectNode deleted = store.delete(configMap("a"), 2L);

    assertThat(rv(deleted)).isEqualTo(3);
    assertThat(deleted.path("data").path("value").asText()).isEqualTo("2");
    assertThat(store.get(configMap("a"))).isEmpty();
    assertThatThrownBy(() -> store.delete(configMap("a"), null))
        .isInstanceOf(StoreException.NotFound.class);
    assertThat(store.currentRevision()).isEqualTo(3);
  }

  @Test
  void deleteWithAStaleRevisionIsConflictAndKeepsTheObject() {
    store.create(configMap("a"), object("a", "1"));
    store.update(configMap("a"), object("a", "2"), 1L);

    assertThatThrownBy(() -> store.delete(configMap("a"), 1L))
        .isInstanceOf(StoreException.Conflict.class);
    assertThat(store.get(configMap("a"))).isPresent();
    assertThat(rv(store.delete(configMap("a"), null))).isEqualTo(3);
  }

  @Test
  void revisionsIncreaseByOneAcrossMixedWritesAndResourcesAndSkipFailures() {
    List<Long> revisions = new ArrayList<>();
    revisions.add(rv(store.create(configMap("a"), object("a", "1"))));
    revisions.add(rv(create(ObjectKey.cluster("namespaces", "ns"))));
    revisions.add(rv(store.update(configMap("a"), object("a", "2"), null)));
    assertThatThrownBy(() -> store.update(configMap("a"), object("a", "3"), 1L))
        .isInstanceOf(StoreException.Conflict.class);
    revisions.add(rv(create(new ObjectKey("apps/deployments", "default", "a"))));
    revisions.add(rv(store.delete(configMap("a"), null)));
    revisions.add(rv(store.create(configMap("a"), object("a", "again"))));

    assertThat(revisions).containsExactly(1L, 2L, 3L, 4L, 5L, 6L);
    assertThat(store.currentRevision()).isEqualTo(6);
  }

  @Test
  void twoUpdatersWithTheSameExpectedRevisionOneWinsOneConflicts() throws Exception {
    store.create(configMap("a"), object("a", "0"));
    CountDownLatch go = new CountDownLatch(1);
    Callable<String> updater =
        () -> {
          go.await();
          try {
            store.update(configMap("a"), object("a", Thread.currentThread().getName()), 1L);
            return "won";
          } catch (StoreException.Conflict e) {
            return "conflict";
          }
        };
    try (ExecutorService pool = Executors.newFixedThreadPool(2)) {
      Future<String> first = pool.submit(updater);
      Future<String> second = pool.submit(updater);
      go.countDown();

      assertThat(List.of(first.get(), second.get())).containsExactlyInAnyOrder("won", "conflict");
    }
    assertThat(store.currentRevision()).isEqualTo(2);
  }

  @Test
  void parallelCreatesGetDistinctConsecutiveRevisions() throws Exception {
    int threads = 8;
    int perThread = 100;
    List<Long> revisions = Collections.synchronizedList(new ArrayList<>());
    CountDownLatch go = new CountDownLatch(1);
    try (ExecutorService pool = Executors.newFixedThreadPool(threads)) {
      List<Future<?>> done = new ArrayList<>();
      for (int t = 0; t < threads; t++) {
        int thread = t;
        done.add(
            pool.submit(
                () -> {
                  go.await();
                  for (int i = 0; i < perThread; i++) {
                    String name = "t" + thread + "-" + i;
                    revisions.add(rv(store.create(configMap(name), object(name, ""))));
                  }
                  return null;
                }));
      }
      go.countDown();
      for (Future<?> future : done) {
        future.get();
      }
    }

    assertThat(revisions)
        .hasSize(threads * perThread)
        .doesNotHaveDuplicates()
        .containsExactlyInAnyOrderElementsOf(
            LongStream.rangeClosed(1, threads * perThread).boxed().toList());
    assertThat(store.list("configmaps", "default").items()).hasSize(threads * perThread);
  }

  @Test
  void listFiltersByResourceAndNamespaceAndReportsTheCurrentRevision() {
    create(new ObjectKey("configmaps", "b", "x"));
    create(new ObjectKey("configmaps", "a", "y"));
    create(new ObjectKey("configmaps", "a", "x"));
    create(new ObjectKey("secrets", "a", "x"));
    create(ObjectKey.cluster("namespaces", "a"));

    ListPage all = store.list("configmaps", null);
    ListPage inA = store.list("configmaps", "a");

    assertThat(all.revision()).isEqualTo(5);
    assertThat(all.continueToken()).isNull();
    assertThat(names(all)).containsExactly("a/x", "a/y", "b/x");
    assertThat(names(inA)).containsExactly("a/x", "a/y");
    assertThat(names(store.list("namespaces", null))).containsExactly("/a");
    assertThat(names(store.list("namespaces", ""))).containsExactly("/a");
    assertThat(store.list("pods", null).items()).isEmpty();
    assertThat(store.list("pods", null).revision()).isEqualTo(5);
  }

  @Test
  void listIsASnapshotAtItsRevisionWhileWritesContinue() throws Exception {
    // Only creates run, one object per revision, so a list at revision R must hold exactly R items.
    AtomicBoolean writing = new AtomicBoolean(true);
    try (ExecutorService pool = Executors.newSingleThreadExecutor()) {
      Future<?> writer =
          pool.submit(
              () -> {
                for (int i = 0; writing.get() && i < 100_000; i++) {
                  store.create(configMap("c" + i), object("c" + i, ""));
                }
              });
      Set<Long> seenRevisions = new HashSet<>();
      while (seenRevisions.size() < 20 && !writer.isDone()) {
        ListPage page = store.list("configmaps", "default");
        assertThat(page.items()).hasSize((int) page.revision());
        assertThat(page.items())
            .allSatisfy(item -> assertThat(rv(item)).isLessThanOrEqualTo(page.revision()));
        seenRevisions.add(page.revision());
      }
      writing.set(false);
      writer.get();
    }
  }

  @Test
  void pagesWalkTheKeysInOrderUnderTheFirstPagesRevision() {
    for (int i = 0; i < 25; i++) {
      String name = String.format("cm-%02d", i);
      store.create(configMap(name), object(name, ""));
    }

    ListPage first = store.list("configmaps", "default", 10, null);
    store.create(configMap("cm-99"), object("cm-99", "after the first page"));
    store.delete(configMap("cm-15"), null);
    store.update(configMap("cm-02"), object("cm-02", "changed behind the cursor"), null);
    ListPage second = store.list("configmaps", "default", 10, first.continueToken());
    ListPage third = store.list("configmaps", "default", 10, second.continueToken());

    assertThat(first.revision()).isEqualTo(25);
    assertThat(second.revision()).isEqualTo(25);
    assertThat(third.revision()).isEqualTo(25);
    assertThat(first.continueToken()).isNotNull();
    assertThat(second.continueToken()).isNotNull();
    assertThat(third.continueToken()).isNull();
    List<String> walked = new ArrayList<>();
    for (ListPage page : List.of(first, second, third)) {
      walked.addAll(names(page));
    }
    List<String> expected = new ArrayList<>();
    for (int i = 0; i < 25; i++) {
      if (i != 15) {
        expected.add(String.format("default/cm-%02d", i));
      }
    }
    expected.add("default/cm-99");
    assertThat(walked).containsExactlyElementsOf(expected);
    assertThat(names(first)).hasSize(10);
    assertThat(first.items().get(2).path("data").path("value").asText()).isEmpty();
  }

  @Test
  void pageOfExactlyTheRemainingItemsHasNoContinueToken() {
    store.create(configMap("a"), object("a", ""));
    store.create(configMap("b"), object("b", ""));

    ListPage page = store.list("configmaps", "default", 2, null);

    assertThat(names(page)).containsExactly("default/a", "default/b");
    assertThat(page.continueToken()).isNull();
  }

  @Test
  void pagesAcrossNamespacesContinueAfterTheLastNamespaceAndName() {
    create(new ObjectKey("configmaps", "a", "z"));
    create(new ObjectKey("configmaps", "b", "a"));
    create(new ObjectKey("configmaps", "b", "b"));

    ListPage first = store.list("configmaps", null, 1, null);
    ListPage second = store.list("configmaps", null, 1, first.continueToken());
    ListPage third = store.list("configmaps", null, 1, second.continueToken());

    assertThat(names(first)).containsExactly("a/z");
    assertThat(names(second)).containsExactly("b/a");
    assertThat(names(third)).containsExactly("b/b");
    assertThat(third.continueToken()).isNull();
  }

  @Test
  void pagesCountTheObjectsAfterThemOnlyWhenAsked() {
    create(new ObjectKey("configmaps", "a", "z"));
    for (String name : List.of("a", "b", "c", "d")) {
      create(new ObjectKey("configmaps", "b", name));
    }
    create(new ObjectKey("secrets", "b", "zz"));

    ListPage first = store.list("configmaps", null, 2, null, true);
    ListPage second = store.list("configmaps", null, 2, first.continueToken(), true);
    ListPage last = store.list("configmaps", null, 2, second.continueToken(), true);
    ListPage inOneNamespace = store.list("configmaps", "b", 1, null, true);
    ListPage uncounted = store.list("configmaps", null, 2, null);

    assertThat(first.remainingItemCount()).isEqualTo(3);
    assertThat(second.remainingItemCount()).isEqualTo(1);
    assertThat(names(last)).containsExactly("b/d");
    assertThat(last.remainingItemCount()).as("no page follows").isNull();
    assertThat(inOneNamespace.remainingItemCount()).isEqualTo(3);
    assertThat(uncounted.remainingItemCount()).isNull();
  }

  @Test
  void malformedContinueTokenIsRejected() {
    assertThatThrownBy(() -> store.list("configmaps", null, 10, "not a token!"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("continue");
    assertThatThrownBy(() -> store.list("configmaps", null, 10, "e30"))
        .as("base64url of {}")
        .isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void reopeningContinuesTheRevisionAndKeepsEveryObject() {
    store.create(configMap("kept"), object("kept", "1"));
    store.create(configMap("updated"), object("updated", "1"));
    store.update(configMap("updated"), object("updated", "2"), 2L);
    store.create(configMap("deleted"), object("deleted", "1"));
    store.delete(configMap("deleted"), null);
    store.close();

    store = Store.open(dir, StoreOptions.defaults());

    assertThat(store.currentRevision()).isEqualTo(5);
    assertThat(names(store.list("configmaps", null)))
        .containsExactly("default/kept", "default/updated");
    assertThat(rv(store.get(configMap("kept")).orElseThrow())).isEqualTo(1);
    ObjectNode updated = store.get(configMap("updated")).orElseThrow();
    assertThat(rv(updated)).isEqualTo(3);
    assertThat(updated.path("data").path("value").asText()).isEqualTo("2");
    assertThat(rv(store.create(configMap("next"), object("next", "")))).isEqualTo(6);
  }

  @Test
  void revisionNeverGoesBackwardsWhenTheNewestObjectsWereDeleted() {
    store.create(configMap("a"), object("a", ""));
    store.create(configMap("b"), object("b", ""));
    store.delete(configMap("b"), null);
    store.delete(configMap("a"), null);
    store.close();

    store = Store.open(dir, StoreOptions.defaults());

    assertThat(store.currentRevision()).isEqualTo(4);
    assertThat(store.list("configmaps", null).revision()).isEqualTo(4);
    assertThat(rv(store.create(configMap("a"), object("a", "")))).isEqualTo(5);
  }

  @Test
  void aSecondStoreOnTheSameDirectoryIsRefused() {
    assertThatThrownBy(() -> Store.open(dir, StoreOptions.defaults()))
        .isInstanceOf(StoreException.Failure.class)
        .hasMessageContaining("in use");
  }

  @Test
  void closedStoreRefusesCalls() {
    store.close();
    store.close();

    assertThatThrownBy(() -> store.get(configMap("a"))).isInstanceOf(IllegalStateException.class);
    assertThatThrownBy(() -> store.create(configMap("a"), object("a", "")))
        .isInstanceOf(IllegalStateException.class);
    store = Store.open(dir, StoreOptions.defaults());
  }

  static List<String> names(ListPage page) {
    return page.items().stream()
        .map(
            item ->
                item.path("metadata").path("namespace").asText("")
                    + "/"
                    + item.path("metadata").path("name").asText())
        .toList();
  }
}
