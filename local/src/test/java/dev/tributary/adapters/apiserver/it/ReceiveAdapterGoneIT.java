package dev.tributary.adapters.apiserver.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.tributary.local.apiserver.ApiServerConfig;
import dev.tributary.local.apiserver.TestCluster;
import dev.tributary.local.store.Store;
import dev.tributary.local.store.StoreOptions;
import dev.tributary.testing.RecordingSink;
import io.fabric8.kubernetes.api.model.ConfigMapBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A restarted adapter whose checkpoint is older than the API server's watch history gets 410 Gone,
 * re-lists, and emits the difference against what it had delivered. The server keeps a short
 * history here so that a few writes are enough to expire the checkpoint.
 */
class ReceiveAdapterGoneIT {

  private static final int HISTORY = 30;

  @TempDir static Path temp;
  static Store store;
  static TestCluster cluster;
  static KubernetesClient client;
  static RecordingSink sink;

  @BeforeAll
  static void start() throws Exception {
    store = Store.open(temp.resolve("store"), StoreOptions.defaults().withHistorySize(HISTORY));
    cluster =
        TestCluster.start(
            temp.resolve("cluster"),
            c ->
                new ApiServerConfig(
                    c.host(),
                    c.port(),
                    c.certificate(),
                    c.authenticator(),
                    store,
                    c.clock(),
                    c.extensions(),
                    c.bookmarkInterval(),
                    c.serviceIpRange()));
    client = cluster.client();
    sink = new RecordingSink();
  }

  @AfterAll
  static void stop() throws Exception {
    sink.close();
    cluster.close();
    store.close();
  }

  private static void create(String ns, String name) {
    client
        .configMaps()
        .inNamespace(ns)
        .resource(
            new ConfigMapBuilder()
                .withNewMetadata()
                .withName(name)
                .endMetadata()
                .addToData("k", "v0")
                .build())
        .create();
  }

  @Test
  void afterA410TheDifferenceIsEmitted() throws Exception {
    String ns = "gone";
    Adapters.namespace(client, ns);
    Adapters.namespace(client, "churn");
    String config = Adapters.config(ns, "v1", "configmaps", "", "Resource");
    var first = Adapters.start(cluster.kubeconfig, sink.url(), ns, "gone", config);
    first.awaitEstablished();
    create(ns, "kept");
    create(ns, "changed");
    create(ns, "removed");
    await().atMost(Duration.ofSeconds(30)).until(() -> sink.summary(ns).size() >= 3);
    assertThat(first.stop()).isZero();

    client
        .configMaps()
        .inNamespace(ns)
        .withName("changed")
        .edit(
            cm -> {
              cm.getData().put("k", "v1");
              return cm;
            });
    client
        .configMaps()
        .inNamespace(ns)
        .withName("changed")
        .edit(
            cm -> {
              cm.getData().put("k", "v2");
              return cm;
            });
    client.configMaps().inNamespace(ns).withName("removed").delete();
    create(ns, "added");
    create(ns, "ephemeral");
    client.configMaps().inNamespace(ns).withName("ephemeral").delete();
    for (int i = 0; i < HISTORY + 5; i++) {
      create("churn", "filler-" + i);
    }

    var second = Adapters.start(cluster.kubeconfig, sink.url(), ns, "gone", config);
    try {
      second.awaitEstablished();
      await().atMost(Duration.ofSeconds(30)).until(() -> sink.summary(ns).size() >= 6);
      assertThat(sink.summary(ns).subList(0, 3))
          .containsExactly(
              "dev.knative.apiserver.resource.add kept",
              "dev.knative.apiserver.resource.add changed",
              "dev.knative.apiserver.resource.add removed");
      // The gap, collapsed: one update carrying the latest state, the delete, the add; nothing
      // for the object created and deleted meanwhile.
      assertThat(sink.summary(ns).subList(3, sink.summary(ns).size()))
          .containsExactlyInAnyOrder(
              "dev.knative.apiserver.resource.update changed",
              "dev.knative.apiserver.resource.delete removed",
              "dev.knative.apiserver.resource.add added");
      assertThat(RecordingSink.data(sink.about("changed").get(1))).contains("\"k\":\"v2\"");
      // The delete carries the last state the adapter delivered (known only from the checkpoint
      // after a restart: a stub with the resourceVersion).
      assertThat(RecordingSink.data(sink.about("removed").get(1)))
          .contains("\"kind\":\"ConfigMap\"")
          .contains("\"name\":\"removed\"");
      assertThat(second.log().text()).contains("msg=\"re-listed after 410 Gone\"");

      // Watching goes on after the re-list.
      create(ns, "later");
      await()
          .atMost(Duration.ofSeconds(30))
          .until(() -> sink.summary(ns).contains("dev.knative.apiserver.resource.add later"));
    } finally {
      second.stop();
    }
  }
}
