package dev.tributary.local.apiserver;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.tributary.local.store.StoreOptions;
import io.fabric8.kubernetes.api.model.ConfigMap;
import io.fabric8.kubernetes.api.model.ConfigMapBuilder;
import io.fabric8.kubernetes.api.model.NamespaceBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.Watch;
import io.fabric8.kubernetes.client.Watcher;
import io.fabric8.kubernetes.client.WatcherException;
import io.fabric8.kubernetes.client.informers.ResourceEventHandler;
import io.fabric8.kubernetes.client.informers.SharedIndexInformer;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.stream.Collectors;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Watches over HTTP (kubectl, Python) and WebSocket (fabric8's default), and informers. */
class WatchIT {

  private static final ObjectMapper JSON = new ObjectMapper();
  private static final String TABLE_ACCEPT =
      "application/json;as=Table;v=v1;g=meta.k8s.io,application/json;as=Table;v=v1beta1;g=meta.k8s.io,application/json";

  @TempDir static Path temp;
  private static TestCluster cluster;
  private static KubernetesClient client;
  private String ns;

  @BeforeAll
  static void start() throws Exception {
    // A short history, so that a watch from an old revision is answered with Expired.
    cluster =
        TestCluster.start(
            temp.resolve("data"),
            StoreOptions.defaults().withHistorySize(20),
            config -> config.withBookmarkInterval(Duration.ofMillis(200)));
    client = cluster.client();
  }

  @AfterAll
  static void stop() throws Exception {
    cluster.close();
  }

  @BeforeEach
  void namespace() {
    ns = "w-" + UUID.randomUUID().toString().substring(0, 8);
    client
        .namespaces()
        .resource(new NamespaceBuilder().withNewMetadata().withName(ns).endMetadata().build())
        .create();
  }

  private ConfigMap create(String name, Map<String, String> labels) {
    return client
        .configMaps()
        .inNamespace(ns)
        .resource(
            new ConfigMapBuilder()
                .withNewMetadata()
                .withName(name)
                .withLabels(labels)
                .endMetadata()
                .build())
        .create();
  }

  /** The events of an HTTP watch that ends by its timeoutSeconds. */
  private List<JsonNode> httpWatch(String query, String accept) throws Exception {
    var request = cluster.request("/api/v1/namespaces/" + ns + "/configmaps?" + query);
    if (accept != null) {
      request.header("Accept", accept);
    }
    HttpResponse<java.util.stream.Stream<String>> response =
        cluster.http().send(request.GET().build(), HttpResponse.BodyHandlers.ofLines());
    assertThat(response.statusCode()).isEqualTo(200);
    assertThat(response.headers().firstValue("Content-Type")).hasValue("application/json");
    List<JsonNode> events = new ArrayList<>();
    try (var lines = response.body()) {
      for (String line : lines.collect(Collectors.toList())) {
        events.add(JSON.readTree(line));
      }
    }
    return events;
  }

  private static List<String> summary(List<JsonNode> events) {
    return events.stream()
        .map(
            e ->
                e.path("type").asText()
                    + " "
                    + e.path("object").path("metadata").path("name").asText())
        .toList();
  }

  @Test
  void aWatchWithoutResourceVersionStartsWithSyntheticAddedEvents() throws Exception {
    create("a", Map.of());
    create("b", Map.of());

    List<JsonNode> events = httpWatch("watch=true&timeoutSeconds=1", null);

    assertThat(summary(events)).containsExactly("ADDED a", "ADDED b");
    assertThat(events.get(0).path("object").path("kind").asText()).isEqualTo("ConfigMap");
  }

  @Test
  void aWatchResumesAfterTheGivenResourceVersion() throws Exception {
    ConfigMap a = create("a", Map.of());
    create("b", Map.of());
    client.configMaps().inNamespace(ns).withName("a").delete();

    List<JsonNode> events =
        httpWatch(
            "watch=True&timeoutSeconds=1&resourceVersion=" + a.getMetadata().getResourceVersion(),
            null);

    assertThat(summary(events)).containsExactly("ADDED b", "DELETED a");
    long deleted =
        Long.parseLong(
            events.get(1).path("object").path("metadata").path("resourceVersion").asText());
    assertThat(deleted).isGreaterThan(Long.parseLong(a.getMetadata().getResourceVersion()));
  }

  @Test
  void aWatchFromBeforeTheHistoryGetsAnExpiredErrorEvent() throws Exception {
    ConfigMap first = create("first", Map.of());
    for (int i = 0; i < 25; i++) {
      create("filler" + i, Map.of());
    }

    List<JsonNode> events =
        httpWatch(
            "watch=true&timeoutSeconds=5&resourceVersion="
                + first.getMetadata().getResourceVersion(),
            null);

    assertThat(events).hasSize(1);
    JsonNode error = events.get(0);
    assertThat(error.path("type").asText()).isEqualTo("ERROR");
    assertThat(error.path("object").path("kind").asText()).isEqualTo("Status");
    assertThat(error.path("object").path("code").asInt()).isEqualTo(410);
    assertThat(error.path("object").path("reason").asText()).isEqualTo("Expired");
    assertThat(error.path("object").path("message").asText())
        .startsWith("too old resource version: ");
  }

  @Test
  void selectorsFilterWatchEvents() throws Exception {
    create("web", Map.of("app", "web"));
    create("db", Map.of("app", "db"));

    List<JsonNode> events = httpWatch("watch=1&timeoutSeconds=1&labelSelector=app%3Dweb", null);
    List<JsonNode> byName =
        httpWatch("watch=1&timeoutSeconds=1&fieldSelector=metadata.name%3Ddb", null);

    assertThat(summary(events)).containsExactly("ADDED web");
    assertThat(summary(byName)).containsExactly("ADDED db");
  }

  @Test
  void anObjectThatStopsMatchingASelectorIsSentAsDeleted() throws Exception {
    ConfigMap web = create("web", Map.of("app", "web"));
    client
        .configMaps()
        .inNamespace(ns)
        .resource(
            new ConfigMapBuilder(web)
                .editMetadata()
                .withLabels(Map.of("app", "other"))
                .endMetadata()
                .build())
        .update();

    List<JsonNode> fresh = httpWatch("watch=true&timeoutSeconds=1&labelSelector=app%3Dother", null);
    List<JsonNode> resumed =
        httpWatch(
            "watch=true&timeoutSeconds=1&labelSelector=app%3Dweb&resourceVersion="
                + web.getMetadata().getResourceVersion(),
            null);

    assertThat(summary(fresh)).containsExactly("ADDED web");
    // Resumed from when it matched: the client holds it, so its leaving is a DELETED.
    assertThat(summary(resumed)).containsExactly("DELETED web");
    assertThat(resumed.get(0).path("object").path("metadata").path("labels").path("app").asText())
        .isEqualTo("other");
  }

  @Test
  void watchesOfOneWriteEachGetTheirOwnTypeAndForm() throws Exception {
    ConfigMap before = create("moving", Map.of("app", "old"));
    client
        .configMaps()
        .inNamespace(ns)
        .resource(
            new ConfigMapBuilder(before)
                .editMetadata()
                .withLabels(Map.of("app", "new"))
                .endMetadata()
                .build())
        .update();
    String from =
        "watch=true&timeoutSeconds=1&resourceVersion=" + before.getMetadata().getResourceVersion();

    // The same store write, sent by three watches: encodings are shared only where they agree.
    List<JsonNode> plain = httpWatch(from, null);
    List<JsonNode> leaving = httpWatch(from + "&labelSelector=app%3Dold", null);
    List<JsonNode> table = httpWatch(from, TABLE_ACCEPT);
    List<JsonNode> plainAgain = httpWatch(from, null);

    assertThat(summary(plain)).containsExactly("MODIFIED moving");
    assertThat(summary(leaving)).containsExactly("DELETED moving");
    assertThat(table).hasSize(1);
    assertThat(table.get(0).path("type").asText()).isEqualTo("MODIFIED");
    assertThat(table.get(0).path("object").path("kind").asText()).isEqualTo("Table");
    assertThat(plainAgain).isEqualTo(plain);
    assertThat(plain.get(0).path("object").path("kind").asText()).isEqualTo("ConfigMap");
  }

  @Test
  void tableWatchesSendOneRowTables() throws Exception {
    create("t", Map.of());

    List<JsonNode> events = httpWatch("watch=true&timeoutSeconds=1", TABLE_ACCEPT);

    assertThat(events).hasSize(1);
    JsonNode table = events.get(0).path("object");
    assertThat(table.path("kind").asText()).isEqualTo("Table");
    assertThat(table.path("columnDefinitions").get(0).path("format").asText()).isEqualTo("name");
    assertThat(table.path("rows")).hasSize(1);
    JsonNode row = table.path("rows").get(0);
    assertThat(row.path("cells").get(0).asText()).isEqualTo("t");
    assertThat(row.path("object").path("kind").asText()).isEqualTo("PartialObjectMetadata");
    assertThat(row.path("object").path("metadata").path("namespace").asText()).isEqualTo(ns);
  }

  @Test
  void listsAndGetsAnswerTablesWhenAskedFor() throws Exception {
    create("row", Map.of());

    JsonNode list =
        JSON.readTree(
            cluster
                .send(
                    cluster
                        .request("/api/v1/namespaces/" + ns + "/configmaps?limit=500")
                        .header("Accept", TABLE_ACCEPT)
                        .GET()
                        .build())
                .body());
    JsonNode one =
        JSON.readTree(
            cluster
                .send(
                    cluster
                        .request("/api/v1/namespaces/" + ns + "/configmaps/row")
                        .header("Accept", TABLE_ACCEPT)
                        .GET()
                        .build())
                .body());

    assertThat(list.path("kind").asText()).isEqualTo("Table");
    assertThat(list.path("metadata").path("resourceVersion").asText()).isNotEmpty();
    assertThat(list.path("rows")).hasSize(1);
    assertThat(one.path("rows").get(0).path("cells").get(0).asText()).isEqualTo("row");
  }

  @Test
  void bookmarksCarryTheRevisionOnlyWhenAllowed() throws Exception {
    ConfigMap a = create("a", Map.of());
    var secret =
        client
            .secrets()
            .inNamespace(ns)
            .resource(
                new io.fabric8.kubernetes.api.model.SecretBuilder()
                    .withNewMetadata()
                    .withName("s")
                    .endMetadata()
                    .build())
            .create();
    long secretRevision = Long.parseLong(secret.getMetadata().getResourceVersion());

    List<JsonNode> events =
        httpWatch(
            "watch=true&allowWatchBookmarks=true&timeoutSeconds=2&resourceVersion="
                + a.getMetadata().getResourceVersion(),
            null);

    List<JsonNode> bookmarks =
        events.stream().filter(e -> e.path("type").asText().equals("BOOKMARK")).toList();
    assertThat(bookmarks).isNotEmpty();
    assertThat(events).allMatch(e -> e.path("type").asText().equals("BOOKMARK"));
    JsonNode last = bookmarks.get(bookmarks.size() - 1).path("object");
    assertThat(last.path("kind").asText()).isEqualTo("ConfigMap");
    assertThat(last.path("apiVersion").asText()).isEqualTo("v1");
    assertThat(Long.parseLong(last.path("metadata").path("resourceVersion").asText()))
        .isGreaterThanOrEqualTo(secretRevision);
  }

  @Test
  void webSocketWatchesSendOneTextFramePerEvent() throws Exception {
    create("ws", Map.of());
    List<String> frames = new CopyOnWriteArrayList<>();
    io.vertx.core.http.WebSocketClient sockets =
        cluster.vertx.createWebSocketClient(
            new io.vertx.core.http.WebSocketClientOptions()
                .setSsl(true)
                .setTrustOptions(cluster.certificates.trustOptions()));
    try {
      io.vertx.core.http.WebSocket socket =
          sockets
              .connect(
                  new io.vertx.core.http.WebSocketConnectOptions()
                      .setHost("127.0.0.1")
                      .setPort(cluster.server.port())
                      .setSsl(true)
                      .setURI("/api/v1/namespaces/" + ns + "/configmaps?watch=true")
                      .addHeader("Authorization", "Bearer " + cluster.tokens.adminToken()))
              // Set on the connection's event loop, before any frame is read.
              .onSuccess(ws -> ws.textMessageHandler(frames::add))
              .await(10, java.util.concurrent.TimeUnit.SECONDS);
      Awaitility.await().atMost(Duration.ofSeconds(10)).until(() -> !frames.isEmpty());
      JsonNode event = JSON.readTree(frames.get(0));
      assertThat(event.path("type").asText()).isEqualTo("ADDED");
      assertThat(event.path("object").path("metadata").path("name").asText()).isEqualTo("ws");
      socket.close().await(10, java.util.concurrent.TimeUnit.SECONDS);
    } finally {
      sockets.close().await(10, java.util.concurrent.TimeUnit.SECONDS);
    }
  }

  @Test
  void fabric8WatchesOverWebSocketSeeEveryChange() throws Exception {
    List<String> seen = new CopyOnWriteArrayList<>();
    try (Watch watch =
        client
            .configMaps()
            .inNamespace(ns)
            .watch(
                new Watcher<ConfigMap>() {
                  @Override
                  public void eventReceived(Action action, ConfigMap resource) {
                    seen.add(action + " " + resource.getMetadata().getName());
                  }

                  @Override
                  public void onClose(WatcherException cause) {}
                })) {
      ConfigMap created = create("live", Map.of());
      client
          .configMaps()
          .inNamespace(ns)
          .resource(new ConfigMapBuilder(created).addToData("k", "v").build())
          .update();
      client.configMaps().inNamespace(ns).withName("live").delete();

      Awaitility.await()
          .atMost(Duration.ofSeconds(10))
          .until(() -> seen.equals(List.of("ADDED live", "MODIFIED live", "DELETED live")));
    }
  }

  @Test
  void fabric8InformersSyncAndFollowChanges() throws Exception {
    create("before", Map.of());
    List<String> seen = new CopyOnWriteArrayList<>();
    SharedIndexInformer<ConfigMap> informer =
        client
            .configMaps()
            .inNamespace(ns)
            .inform(
                new ResourceEventHandler<>() {
                  @Override
                  public void onAdd(ConfigMap obj) {
                    seen.add("add " + obj.getMetadata().getName());
                  }

                  @Override
                  public void onUpdate(ConfigMap oldObj, ConfigMap newObj) {
                    seen.add("update " + newObj.getMetadata().getName());
                  }

                  @Override
                  public void onDelete(ConfigMap obj, boolean deletedFinalStateUnknown) {
                    seen.add("delete " + obj.getMetadata().getName());
                  }
                });
    try {
      Awaitility.await().atMost(Duration.ofSeconds(10)).until(informer::hasSynced);
      create("after", Map.of());
      client.configMaps().inNamespace(ns).withName("before").delete();

      Awaitility.await()
          .atMost(Duration.ofSeconds(10))
          .until(() -> seen.containsAll(List.of("add before", "add after", "delete before")));
      assertThat(informer.getStore().list())
          .extracting(c -> c.getMetadata().getName())
          .containsExactly("after");
    } finally {
      informer.close();
    }
  }
}
