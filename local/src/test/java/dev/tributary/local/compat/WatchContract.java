package dev.tributary.local.compat;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.fabric8.kubernetes.api.model.ConfigMap;
import io.fabric8.kubernetes.api.model.ConfigMapBuilder;
import io.fabric8.kubernetes.api.model.ListOptionsBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.Watch;
import io.fabric8.kubernetes.client.Watcher;
import io.fabric8.kubernetes.client.WatcherException;
import io.fabric8.kubernetes.client.informers.ResourceEventHandler;
import io.fabric8.kubernetes.client.informers.SharedIndexInformer;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.OptionalInt;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * Watches through fabric8 over both transports (WebSocket, fabric8's default, and plain HTTP
 * streams with {@code onlyHttpWatches}), resume from a resourceVersion, 410 Gone, BOOKMARKs and
 * informers.
 */
public abstract class WatchContract extends ApiServerContract {

  /** How fabric8 carries a watch. */
  enum Transport {
    WEBSOCKET,
    HTTP
  }

  private KubernetesClient httpWatches;

  @BeforeAll
  void httpWatchClient() {
    httpWatches = newHttpWatchClient();
  }

  private KubernetesClient client(Transport transport) {
    return transport == Transport.HTTP ? httpWatches : admin;
  }

  /** Creates the ConfigMap {@code tag-name} labelled case={@code tag}. */
  private ConfigMap create(String name, String tag) {
    return admin
        .configMaps()
        .inNamespace(ns)
        .resource(configMap(tag + "-" + name, Map.of("case", tag), Map.of()))
        .create();
  }

  /** The name {@link #create} gave, without its tag. */
  private static String shortName(ConfigMap configMap) {
    String name = configMap.getMetadata().getName();
    return name.substring(
        configMap.getMetadata().getLabels().getOrDefault("case", "").length() + 1);
  }

  /** Records "ACTION name" for each event and the cause the watch closed with. */
  private static final class Recorder implements Watcher<ConfigMap> {
    final List<String> events = new CopyOnWriteArrayList<>();
    final CompletableFuture<WatcherException> closed = new CompletableFuture<>();

    @Override
    public void eventReceived(Action action, ConfigMap resource) {
      events.add(action + " " + shortName(resource));
    }

    @Override
    public void onClose(WatcherException cause) {
      closed.complete(cause);
    }
  }

  @ParameterizedTest
  @EnumSource(Transport.class)
  void aWatchFromAResourceVersionSeesOnlyLaterEventsInOrder(Transport transport) {
    String tag = unique(transport.name().toLowerCase());
    ConfigMap before = create("before", tag);
    String from = before.getMetadata().getResourceVersion();
    ConfigMap after = create("after", tag);
    admin
        .configMaps()
        .inNamespace(ns)
        .resource(new ConfigMapBuilder(before).addToData("k", "v").build())
        .update();
    admin.configMaps().inNamespace(ns).withName(after.getMetadata().getName()).delete();
    Recorder recorder = new Recorder();

    try (Watch watch =
        client(transport)
            .configMaps()
            .inNamespace(ns)
            .withLabel("case", tag)
            .watch(new ListOptionsBuilder().withResourceVersion(from).build(), recorder)) {
      eventually().until(() -> recorder.events.size() >= 3);
      create("live", tag);
      eventually().until(() -> recorder.events.size() >= 4);
    }

    assertThat(recorder.events)
        .containsExactly("ADDED after", "MODIFIED before", "DELETED after", "ADDED live");
  }

  @ParameterizedTest
  @EnumSource(Transport.class)
  void aWatchFromAResourceVersionOutsideTheHistoryIsClosedWith410Gone(Transport transport)
      throws Exception {
    OptionalInt window = target().watchHistoryWindow();
    assumeTrue(window.isPresent(), "the server's watch history cannot be exceeded in a test");
    String tag = unique("gone");
    String from = create("old", tag).getMetadata().getResourceVersion();
    ConfigMap filler = create("filler", tag);
    for (int i = 0; i <= window.getAsInt() + 10; i++) {
      filler =
          admin
              .configMaps()
              .inNamespace(ns)
              .resource(new ConfigMapBuilder(filler).addToData("i", Integer.toString(i)).build())
              .update();
    }
    Recorder recorder = new Recorder();

    WatcherException cause;
    try (Watch watch =
        client(transport)
            .configMaps()
            .inNamespace(ns)
            .withLabel("case", tag)
            .watch(new ListOptionsBuilder().withResourceVersion(from).build(), recorder)) {
      cause = recorder.closed.get(20, TimeUnit.SECONDS);
    }

    assertThat(cause).isNotNull();
    assertThat(cause.isHttpGone()).as("closed with 410 Gone: %s", cause).isTrue();
    assertThat(recorder.events).isEmpty();
  }

  @Test
  void aWatchThatAllowsBookmarksGetsThemWithACurrentResourceVersion() throws Exception {
    String rv = create("bookmarked", unique("bookmark")).getMetadata().getResourceVersion();
    Duration within = target().bookmarkWithin();
    var request =
        admin
            .getHttpClient()
            .newHttpRequestBuilder()
            .uri(
                admin.getMasterUrl().toString().replaceAll("/+$", "")
                    + "/api/v1/namespaces/"
                    + ns
                    + "/configmaps?watch=true&allowWatchBookmarks=true&resourceVersion="
                    + rv
                    + "&timeoutSeconds="
                    + (within.toSeconds() + 1))
            .timeout(within.toSeconds() + 30, TimeUnit.SECONDS)
            .build();

    var response =
        admin
            .getHttpClient()
            .sendAsync(request, String.class)
            .get(within.toSeconds() + 30, TimeUnit.SECONDS);

    assertThat(response.code()).isEqualTo(200);
    List<JsonNode> bookmarks = new ArrayList<>();
    for (String line : response.body().split("\n")) {
      if (!line.isBlank() && json(line).path("type").asText().equals("BOOKMARK")) {
        bookmarks.add(json(line).path("object"));
      }
    }
    assertThat(bookmarks).isNotEmpty();
    JsonNode bookmark = bookmarks.get(0);
    assertThat(bookmark.path("kind").asText()).isEqualTo("ConfigMap");
    assertThat(bookmark.path("apiVersion").asText()).isEqualTo("v1");
    assertThat(Long.parseLong(bookmark.path("metadata").path("resourceVersion").asText()))
        .isGreaterThanOrEqualTo(Long.parseLong(rv));
  }

  @ParameterizedTest
  @EnumSource(Transport.class)
  void anInformerSeesAddsUpdatesAndDeletesOfWhatItsSelectorMatches(Transport transport) {
    String tag = unique("informer");
    ConfigMap existing = create("existing", tag);
    List<String> seen = new CopyOnWriteArrayList<>();
    ResourceEventHandler<ConfigMap> handler =
        new ResourceEventHandler<>() {
          @Override
          public void onAdd(ConfigMap obj) {
            seen.add("add " + shortName(obj));
          }

          @Override
          public void onUpdate(ConfigMap oldObj, ConfigMap newObj) {
            if (!oldObj
                .getMetadata()
                .getResourceVersion()
                .equals(newObj.getMetadata().getResourceVersion())) {
              seen.add("update " + shortName(newObj) + " " + newObj.getData());
            }
          }

          @Override
          public void onDelete(ConfigMap obj, boolean deletedFinalStateUnknown) {
            seen.add("delete " + shortName(obj));
          }
        };

    try (SharedIndexInformer<ConfigMap> informer =
        client(transport).configMaps().inNamespace(ns).withLabel("case", tag).inform(handler, 0)) {
      eventually().until(() -> seen.contains("add existing"));
      ConfigMap created = create("fresh", tag);
      create("unrelated", unique("other"));
      admin
          .configMaps()
          .inNamespace(ns)
          .resource(new ConfigMapBuilder(created).addToData("k", "v").build())
          .update();
      admin.configMaps().inNamespace(ns).withName(existing.getMetadata().getName()).delete();

      eventually().until(() -> seen.size() >= 4);
      assertThat(seen)
          .containsExactly("add existing", "add fresh", "update fresh {k=v}", "delete existing");
      assertThat(informer.getStore().list())
          .extracting(c -> c.getMetadata().getName())
          .containsExactly(created.getMetadata().getName());
      assertThat(informer.hasSynced()).isTrue();
    }
  }
}
