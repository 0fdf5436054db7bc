package dev.tributary.local.apiserver;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.tributary.local.store.ObjectKey;
import dev.tributary.local.store.Store;
import dev.tributary.local.store.StoreOptions;
import io.fabric8.kubernetes.api.model.ConfigMap;
import io.fabric8.kubernetes.api.model.ConfigMapBuilder;
import io.fabric8.kubernetes.api.model.NamespaceBuilder;
import io.fabric8.kubernetes.api.model.OwnerReferenceBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Work the collector had not done when the server stopped is found again at start-up. The store is
 * changed directly between two runs, as a crash between an owner's removal and its collection would
 * leave it.
 */
class GarbageCollectionRestartIT {

  @TempDir Path temp;

  private static ConfigMap configMap(String name, ConfigMap owner, boolean block) {
    ConfigMapBuilder builder =
        new ConfigMapBuilder().withNewMetadata().withName(name).endMetadata();
    if (owner != null) {
      builder
          .editMetadata()
          .withOwnerReferences(
              new OwnerReferenceBuilder()
                  .withApiVersion("v1")
                  .withKind("ConfigMap")
                  .withName(owner.getMetadata().getName())
                  .withUid(owner.getMetadata().getUid())
                  .withBlockOwnerDeletion(block)
                  .build())
          .endMetadata();
    }
    return builder.withData(Map.of("k", "v")).build();
  }

  @Test
  void startUpCollectsOrphansAndResumesPendingDeletions() throws Exception {
    Path data = temp.resolve("data");
    try (TestCluster first = TestCluster.start(data)) {
      KubernetesClient client = first.client();
      var configMaps = client.configMaps().inNamespace("default");
      ConfigMap owner = configMaps.resource(configMap("owner", null, false)).create();
      configMaps.resource(configMap("dependent", owner, false)).create();
      ConfigMap waiting = configMaps.resource(configMap("waiting", null, false)).create();
      configMaps.resource(configMap("blocking", waiting, true)).create();
      client
          .namespaces()
          .resource(
              new NamespaceBuilder().withNewMetadata().withName("doomed").endMetadata().build())
          .create();
      client.configMaps().inNamespace("doomed").resource(configMap("inside", null, false)).create();
    }
    try (Store store = Store.open(data, StoreOptions.defaults())) {
      // The owner went while nothing collected; another owner was marked for a foreground
      // deletion; a namespace was marked Terminating with its contents still there.
      store.delete(new ObjectKey("configmaps", "default", "owner"), null);
      mark(store, new ObjectKey("configmaps", "default", "waiting"), true);
      mark(store, ObjectKey.cluster("namespaces", "doomed"), false);
    }

    try (TestCluster second = TestCluster.start(data)) {
      KubernetesClient client = second.client();
      var configMaps = client.configMaps().inNamespace("default");
      Awaitility.await()
          .atMost(Duration.ofSeconds(15))
          .until(
              () ->
                  configMaps.withName("dependent").get() == null
                      && configMaps.withName("blocking").get() == null
                      && configMaps.withName("waiting").get() == null
                      && client.namespaces().withName("doomed").get() == null);
      assertThat(client.configMaps().inNamespace("doomed").list().getItems()).isEmpty();
    }
  }

  private static void mark(Store store, ObjectKey key, boolean foreground) {
    ObjectNode object = store.get(key).orElseThrow();
    ObjectNode metadata = (ObjectNode) object.get("metadata");
    metadata.put("deletionTimestamp", "2024-01-01T00:00:00Z");
    metadata.put("deletionGracePeriodSeconds", 0);
    if (foreground) {
      metadata.putArray("finalizers").add("foregroundDeletion");
    } else {
      ((ObjectNode) object.with("status")).put("phase", "Terminating");
    }
    store.update(key, object, null);
  }
}
