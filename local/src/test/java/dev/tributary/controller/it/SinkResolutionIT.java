package dev.tributary.controller.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.tributary.api.duck.Destination;
import dev.tributary.api.tracker.Reference;
import dev.tributary.controller.Controller;
import dev.tributary.controller.EventRecorder;
import dev.tributary.controller.InformerTracker;
import dev.tributary.controller.KindReconciler;
import dev.tributary.controller.ObjectKey;
import dev.tributary.controller.Reconciler;
import dev.tributary.controller.Result;
import dev.tributary.controller.WorkQueue;
import dev.tributary.controller.sink.SinkResolution;
import dev.tributary.controller.sink.SinkResolver;
import io.fabric8.kubernetes.api.model.ConfigMapBuilder;
import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.api.model.LabelSelectorBuilder;
import io.fabric8.kubernetes.api.model.ObjectMetaBuilder;
import io.fabric8.kubernetes.api.model.ServiceBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A Toy whose {@code spec.sink} is a Destination gets {@code status.sinkUri} (or {@code
 * status.sinkError}); the tracker re-reconciles it when the sink appears or changes, without the
 * Toy being touched (the fix for knative/eventing#2994).
 */
class SinkResolutionIT {

  @TempDir static Path temp;
  static ToyCluster cluster;
  static final AtomicInteger selectorReconciles = new AtomicInteger();

  @BeforeAll
  static void start() throws Exception {
    cluster = ToyCluster.start(temp.resolve("cluster"));
    KubernetesClient client = cluster.newClient();
    WorkQueue<ObjectKey> queue = cluster.newQueue();
    InformerTracker tracker =
        cluster.own(new InformerTracker(client, queue::add, Duration.ofSeconds(30)));
    SinkResolver resolver =
        new SinkResolver(tracker, tracker, "cluster.local", client.getKubernetesSerialization());
    Reconciler<GenericKubernetesResource> resolveSink =
        toy -> {
          Map<?, ?> spec = (Map<?, ?>) toy.getAdditionalProperties().get("spec");
          if (spec.containsKey("watchLabel")) {
            tracker.track(
                Reference.bySelector(
                    "v1",
                    "ConfigMap",
                    toy.getMetadata().getNamespace(),
                    new LabelSelectorBuilder()
                        .addToMatchLabels("watched", String.valueOf(spec.get("watchLabel")))
                        .build()),
                ObjectKey.of(toy));
            selectorReconciles.incrementAndGet();
            return Result.done();
          }
          Object sink = spec.get("sink");
          Destination destination =
              client.getKubernetesSerialization().convertValue(sink, Destination.class);
          Map<String, Object> status = new LinkedHashMap<>();
          switch (resolver.resolve(destination, toy)) {
            case SinkResolution.Resolved resolved ->
                status.put("sinkUri", resolved.sink().url().toString());
            case SinkResolution.Unresolved unresolved ->
                status.put("sinkError", unresolved.message());
          }
          toy.getAdditionalProperties().put("status", status);
          return Result.done();
        };
    Controller<GenericKubernetesResource> controller =
        cluster.own(
            new Controller<>(
                "sinky-toys",
                cluster.toyInformer(client),
                new KindReconciler<>(
                    client,
                    new EventRecorder(client, "toy-controller", Clock.systemUTC()),
                    resolveSink),
                queue,
                1,
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

  static Object status(String name, String field) {
    GenericKubernetesResource toy = cluster.toy(name);
    Object status = toy == null ? null : toy.getAdditionalProperties().get("status");
    return status instanceof Map<?, ?> map ? map.get(field) : null;
  }

  @Test
  void aServiceCreatedLaterBecomesTheSinkWithoutTouchingTheSource() {
    cluster.createToy(
        "to-service",
        Map.of(
            "sink", Map.of("ref", Map.of("apiVersion", "v1", "kind", "Service", "name", "later"))));

    await()
        .atMost(Duration.ofSeconds(30))
        .until(
            () ->
                "failed to get object toys/later: services \"later\" not found"
                    .equals(status("to-service", "sinkError")));

    cluster
        .admin
        .services()
        .inNamespace(ToyCluster.NAMESPACE)
        .resource(
            new ServiceBuilder()
                .withNewMetadata()
                .withName("later")
                .endMetadata()
                .withNewSpec()
                .addNewPort()
                .withPort(80)
                .endPort()
                .endSpec()
                .build())
        .create();

    await()
        .atMost(Duration.ofSeconds(30))
        .until(() -> "http://later.toys.svc.cluster.local".equals(status("to-service", "sinkUri")));
    assertThat(status("to-service", "sinkError")).isNull();
  }

  @Test
  void anAddressableResolvesOnceItHasAnAddressAndFollowsItsChanges() {
    GenericKubernetesResource addressable = new GenericKubernetesResource();
    addressable.setApiVersion(ToyCluster.API_VERSION);
    addressable.setKind("Addressable");
    addressable.setMetadata(
        new ObjectMetaBuilder().withNamespace(ToyCluster.NAMESPACE).withName("duck").build());
    addressable.setAdditionalProperty("spec", Map.of());
    cluster
        .admin
        .genericKubernetesResources(ToyCluster.API_VERSION, "Addressable")
        .inNamespace(ToyCluster.NAMESPACE)
        .resource(addressable)
        .create();
    cluster.createToy(
        "to-duck",
        Map.of(
            "sink",
            Map.of(
                "ref",
                Map.of("apiVersion", ToyCluster.API_VERSION, "kind", "Addressable", "name", "duck"),
                "uri",
                "/events")));

    await()
        .atMost(Duration.ofSeconds(30))
        .until(
            () ->
                "address not set for &{Addressable toys duck example.dev/v1  %!s(*string=<nil>)}"
                    .equals(status("to-duck", "sinkError")));

    setAddress("http://duck.toys.svc.cluster.local");
    await()
        .atMost(Duration.ofSeconds(30))
        .until(
            () -> "http://duck.toys.svc.cluster.local/events".equals(status("to-duck", "sinkUri")));

    setAddress("http://moved.toys.svc.cluster.local/base/");
    await()
        .atMost(Duration.ofSeconds(30))
        .until(
            () ->
                "http://moved.toys.svc.cluster.local/events".equals(status("to-duck", "sinkUri")));
  }

  @Test
  void anObjectMatchingATrackedSelectorReEnqueuesTheTracker() {
    cluster.createToy("watcher", Map.of("watchLabel", "yes"));
    await().atMost(Duration.ofSeconds(30)).until(() -> selectorReconciles.get() > 0);
    int before = selectorReconciles.get();

    cluster
        .admin
        .configMaps()
        .inNamespace(ToyCluster.NAMESPACE)
        .resource(
            new ConfigMapBuilder()
                .withNewMetadata()
                .withName("selected")
                .addToLabels("watched", "yes")
                .endMetadata()
                .build())
        .create();

    await().atMost(Duration.ofSeconds(30)).until(() -> selectorReconciles.get() > before);
  }

  private static void setAddress(String url) {
    GenericKubernetesResource duck =
        cluster
            .admin
            .genericKubernetesResources(ToyCluster.API_VERSION, "Addressable")
            .inNamespace(ToyCluster.NAMESPACE)
            .withName("duck")
            .get();
    duck.setAdditionalProperty("status", Map.of("address", Map.of("url", url)));
    cluster
        .admin
        .genericKubernetesResources(ToyCluster.API_VERSION, "Addressable")
        .inNamespace(ToyCluster.NAMESPACE)
        .resource(duck)
        .updateStatus();
  }
}
