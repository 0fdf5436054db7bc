package dev.tributary.local.cluster;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.tributary.local.apiserver.TestCluster;
import io.fabric8.kubernetes.api.model.ConfigMap;
import io.fabric8.kubernetes.client.KubernetesClient;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** What {@code up} applies again when it restarts: nothing that is there, unless it changed. */
class ManifestApplierIT {

  @TempDir static Path dir;
  static TestCluster cluster;
  static KubernetesClient client;

  @BeforeAll
  static void start() throws Exception {
    cluster = TestCluster.start(dir.resolve("cluster"));
    client = cluster.client();
  }

  @AfterAll
  static void stop() throws Exception {
    cluster.close();
  }

  private static String configMap(String value) {
    return """
        apiVersion: v1
        kind: ConfigMap
        metadata:
          name: settings
          namespace: default
        data:
          replicas: "%s"
        """
        .formatted(value);
  }

  private static String replicas() {
    ConfigMap map = client.configMaps().inNamespace("default").withName("settings").get();
    return map == null ? null : map.getData().get("replicas");
  }

  /** What a controller does to an object up installed. */
  private static void changeAsAController(String value) {
    client
        .configMaps()
        .inNamespace("default")
        .withName("settings")
        .edit(
            map -> {
              map.getData().put("replicas", value);
              return map;
            });
  }

  @Test
  void theSameManifestIsNotAppliedOverWhatChangedSinceButMissingObjectsAreAndANewManifestIs()
      throws Exception {
    ManifestApplier applier = new ManifestApplier(client, Clock.systemUTC());
    Path record = dir.resolve("release.sha256");

    assertThat(applier.applyUnlessApplied(configMap("0"), record)).hasSize(1);
    assertThat(replicas()).isEqualTo("0");
    assertThat(record).exists();
    String digest = Files.readString(record);

    changeAsAController("1");
    assertThat(applier.applyUnlessApplied(configMap("0"), record)).isEmpty();
    assertThat(replicas()).as("a restart leaves the controller's change").isEqualTo("1");

    client.configMaps().inNamespace("default").withName("settings").delete();
    await().until(() -> replicas() == null);
    assertThat(applier.applyUnlessApplied(configMap("0"), record)).hasSize(1);
    assertThat(replicas()).as("a deleted object comes back").isEqualTo("0");

    changeAsAController("1");
    assertThat(applier.applyUnlessApplied(configMap("2"), record)).hasSize(1);
    assertThat(replicas()).as("a new manifest is applied").isEqualTo("2");
    assertThat(Files.readString(record)).isNotEqualTo(digest);
  }
}
