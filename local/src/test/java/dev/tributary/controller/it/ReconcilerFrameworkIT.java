package dev.tributary.controller.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.tributary.controller.Controller;
import dev.tributary.controller.EventRecorder;
import dev.tributary.controller.KindReconciler;
import dev.tributary.controller.ObjectKey;
import dev.tributary.controller.ReconcileEvent;
import dev.tributary.controller.Reconciler;
import dev.tributary.controller.Result;
import io.fabric8.kubernetes.api.model.Event;
import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.api.model.StatusBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientException;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The framework end to end against the local API server: a Toy controller that copies {@code
 * spec.value} to {@code status.seen}, with a finalizer and Events.
 */
class ReconcilerFrameworkIT {

  static final String FINALIZER = "toys.example.dev";

  @TempDir static Path temp;
  static ToyCluster cluster;
  static Controller<GenericKubernetesResource> controller;
  static final AtomicInteger completedReconciles = new AtomicInteger();
  static final List<String> finalized = new CopyOnWriteArrayList<>();
  static final AtomicInteger vanishAttempts = new AtomicInteger();

  @BeforeAll
  static void start() throws Exception {
    cluster = ToyCluster.start(temp.resolve("cluster"));
    KubernetesClient client = cluster.newClient();
    EventRecorder events = new EventRecorder(client, "toy-controller", Clock.systemUTC());
    Reconciler<GenericKubernetesResource> copyValue =
        toy -> {
          Map<?, ?> spec = (Map<?, ?>) toy.getAdditionalProperties().get("spec");
          if (spec.containsKey("fail")) {
            throw new IllegalStateException(String.valueOf(spec.get("fail")));
          }
          if (spec.containsKey("vanish")) {
            vanishAttempts.incrementAndGet();
            // What the API answers when the object was deleted while it was being reconciled.
            throw new KubernetesClientException(
                new StatusBuilder()
                    .withCode(404)
                    .withReason("NotFound")
                    .withNewDetails()
                    .withName(toy.getMetadata().getName())
                    .endDetails()
                    .build());
          }
          statusOf(toy).put("seen", spec.get("value"));
          return Result.reported(ReconcileEvent.normal("Reconciled", "Toy reconciled"));
        };
    Reconciler<GenericKubernetesResource> chain =
        new KindReconciler<>(
            client,
            events,
            copyValue,
            FINALIZER,
            toy -> {
              finalized.add(ObjectKey.of(toy).toString());
              return Result.done();
            });
    Reconciler<GenericKubernetesResource> counted =
        toy -> {
          try {
            return chain.reconcile(toy);
          } finally {
            completedReconciles.incrementAndGet();
          }
        };
    controller =
        cluster.own(
            new Controller<>(
                "toys",
                cluster.toyInformer(client),
                counted,
                cluster.newQueue(),
                2,
                client.getKubernetesSerialization()));
    controller.start().get(30, TimeUnit.SECONDS);
    controller.startWorkers();
  }

  @AfterAll
  static void stop() throws Exception {
    if (cluster != null) {
      cluster.close();
    }
  }

  @SuppressWarnings("unchecked")
  static Map<String, Object> statusOf(GenericKubernetesResource toy) {
    return (Map<String, Object>)
        toy.getAdditionalProperties()
            .computeIfAbsent("status", k -> new java.util.LinkedHashMap<String, Object>());
  }

  static Object status(String name, String field) {
    GenericKubernetesResource toy = cluster.toy(name);
    Object status = toy == null ? null : toy.getAdditionalProperties().get("status");
    return status instanceof Map<?, ?> map ? map.get(field) : null;
  }

  @Test
  void createAndUpdateAreReconciledWithTheObservedGenerationAndAFinalizer() {
    cluster.createToy("lifecycle", Map.of("value", "a"));

    await().atMost(Duration.ofSeconds(30)).until(() -> "a".equals(status("lifecycle", "seen")));
    assertThat(((Number) status("lifecycle", "observedGeneration")).longValue()).isEqualTo(1);
    assertThat(cluster.toy("lifecycle").getMetadata().getFinalizers()).containsExactly(FINALIZER);

    cluster
        .toys(cluster.admin)
        .inNamespace(ToyCluster.NAMESPACE)
        .withName("lifecycle")
        .edit(
            toy -> {
              toy.getAdditionalProperties().put("spec", Map.of("value", "b"));
              return toy;
            });

    await().atMost(Duration.ofSeconds(30)).until(() -> "b".equals(status("lifecycle", "seen")));
    assertThat(((Number) status("lifecycle", "observedGeneration")).longValue()).isEqualTo(2);
  }

  @Test
  void aReconcileThatChangesNothingWritesNothing() {
    cluster.createToy("steady", Map.of("value", "x"));
    await().atMost(Duration.ofSeconds(30)).until(() -> "x".equals(status("steady", "seen")));
    // Let the echo of our own status write be reconciled too.
    String settled =
        await()
            .atMost(Duration.ofSeconds(30))
            .until(
                () -> {
                  String before = cluster.toy("steady").getMetadata().getResourceVersion();
                  int reconciles = completedReconciles.get();
                  controller.enqueue(new ObjectKey(ToyCluster.NAMESPACE, "steady"));
                  await().until(() -> completedReconciles.get() > reconciles);
                  String after = cluster.toy("steady").getMetadata().getResourceVersion();
                  return before.equals(after) ? after : null;
                },
                rv -> rv != null);

    int reconciles = completedReconciles.get();
    controller.enqueue(new ObjectKey(ToyCluster.NAMESPACE, "steady"));
    await().atMost(Duration.ofSeconds(30)).until(() -> completedReconciles.get() > reconciles);

    assertThat(cluster.toy("steady").getMetadata().getResourceVersion()).isEqualTo(settled);
  }

  @Test
  void eventsAreRecordedOnTheObjectAndRepeatsAreCounted() {
    cluster.createToy("noisy", Map.of("value", "n"));
    await().atMost(Duration.ofSeconds(30)).until(() -> "n".equals(status("noisy", "seen")));
    int reconciles = completedReconciles.get();
    controller.enqueue(new ObjectKey(ToyCluster.NAMESPACE, "noisy"));
    await().atMost(Duration.ofSeconds(30)).until(() -> completedReconciles.get() > reconciles);

    await()
        .atMost(Duration.ofSeconds(30))
        .untilAsserted(
            () -> {
              List<Event> events =
                  cluster
                      .admin
                      .v1()
                      .events()
                      .inNamespace(ToyCluster.NAMESPACE)
                      .list()
                      .getItems()
                      .stream()
                      .filter(e -> "noisy".equals(e.getInvolvedObject().getName()))
                      .filter(e -> "Reconciled".equals(e.getReason()))
                      .toList();
              assertThat(events).hasSize(1);
              Event event = events.get(0);
              assertThat(event.getType()).isEqualTo("Normal");
              assertThat(event.getReason()).isEqualTo("Reconciled");
              assertThat(event.getMessage()).isEqualTo("Toy reconciled");
              assertThat(event.getSource().getComponent()).isEqualTo("toy-controller");
              assertThat(event.getInvolvedObject().getKind()).isEqualTo("Toy");
              assertThat(event.getInvolvedObject().getApiVersion())
                  .isEqualTo(ToyCluster.API_VERSION);
              assertThat(event.getInvolvedObject().getUid())
                  .isEqualTo(cluster.toy("noisy").getMetadata().getUid());
              assertThat(event.getCount()).isGreaterThan(1);
              assertThat(event.getFirstTimestamp()).isNotNull();
              assertThat(event.getLastTimestamp()).isNotNull();
            });
  }

  @Test
  void addingTheFinalizerIsReported() {
    cluster.createToy("finalized", Map.of("value", "f"));

    await()
        .atMost(Duration.ofSeconds(30))
        .untilAsserted(
            () ->
                assertThat(eventsOf("finalized"))
                    .anySatisfy(
                        e -> {
                          assertThat(e.getReason()).isEqualTo("FinalizerUpdate");
                          assertThat(e.getType()).isEqualTo("Normal");
                          assertThat(e.getMessage()).isEqualTo("Updated \"finalized\" finalizers");
                        }));
  }

  @Test
  void aFailingReconcileIsReportedAsInternalErrorAndRetriedWithBackoff() {
    cluster.createToy("broken", Map.of("fail", "boom"));

    await()
        .atMost(Duration.ofSeconds(30))
        .untilAsserted(
            () ->
                assertThat(eventsOf("broken"))
                    .anySatisfy(
                        e -> {
                          assertThat(e.getReason()).isEqualTo("InternalError");
                          assertThat(e.getType()).isEqualTo("Warning");
                          assertThat(e.getMessage()).isEqualTo("boom");
                          assertThat(e.getCount()).as("retried").isGreaterThan(1);
                        }));
    assertThat(status("broken", "observedGeneration"))
        .as("status is written even when the reconcile fails")
        .isNotNull();
  }

  @Test
  void anObjectDeletedWhileItWasReconciledIsNotRetried() {
    cluster.createToy("vanishing", Map.of("vanish", true));

    await().atMost(Duration.ofSeconds(30)).until(() -> vanishAttempts.get() >= 1);
    // A failure is retried with back-off from 5 ms, doubling: ten attempts in the next 3 s. Not
    // retried, it is reconciled again only for its own status write (the update event): twice.
    await()
        .during(Duration.ofSeconds(3))
        .atMost(Duration.ofSeconds(4))
        .until(() -> vanishAttempts.get() <= 2);
  }

  static List<Event> eventsOf(String name) {
    return cluster.admin.v1().events().inNamespace(ToyCluster.NAMESPACE).list().getItems().stream()
        .filter(e -> name.equals(e.getInvolvedObject().getName()))
        .toList();
  }

  @Test
  void deletingRunsCleanupThenLetsTheObjectGo() {
    cluster.createToy("doomed", Map.of("value", "d"));
    await().atMost(Duration.ofSeconds(30)).until(() -> "d".equals(status("doomed", "seen")));

    cluster.toys(cluster.admin).inNamespace(ToyCluster.NAMESPACE).withName("doomed").delete();

    await().atMost(Duration.ofSeconds(30)).until(() -> cluster.toy("doomed") == null);
    assertThat(finalized).containsOnlyOnce(ToyCluster.NAMESPACE + "/doomed");
  }
}
