package dev.tributary.local.cluster;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tributary.local.apiserver.TestCluster;
import io.fabric8.kubernetes.api.model.ConfigMap;
import io.fabric8.kubernetes.api.model.ConfigMapBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import java.nio.file.Path;
import java.time.Clock;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** What {@code up} does with the release on each start, against the local API server. */
class ManifestApplierIT {

  @TempDir static Path dir;
  static TestCluster cluster;
  static KubernetesClient client;

  @BeforeAll
  static void start() throws Exception {
    cluster = TestCluster.start(dir);
    client = cluster.client();
  }

  @AfterAll
  static void stop() throws Exception {
    cluster.close();
  }

  private static String release(String value) {
    return """
        apiVersion: v1
        kind: Namespace
        metadata:
          name: applied
        ---
        apiVersion: v1
        kind: ConfigMap
        metadata:
          name: settings
          namespace: applied
        data:
          replicas: "%s"
        """
        .formatted(value);
  }

  private static ConfigMap settings() {
    return client.configMaps().inNamespace("applied").withName("settings").get();
  }

  @Test
  void anUnchangedReleaseIsNotAppliedAgainSoWhatControllersWroteSinceStays() {
    ManifestApplier applier = new ManifestApplier(client, Clock.systemUTC());

    assertThat(applier.applyUnlessRecorded(release("0"), "applied")).isTrue();
    assertThat(settings().getData()).containsEntry("replicas", "0");
    assertThat(client.namespaces().withName("applied").get().getMetadata().getAnnotations())
        .containsKey(ManifestApplier.DIGEST_ANNOTATION);

    // A controller scales what the release shipped at 0, as the PingSource controller does.
    client
        .configMaps()
        .inNamespace("applied")
        .withName("settings")
        .edit(c -> new ConfigMapBuilder(c).addToData("replicas", "1").build());

    assertThat(applier.applyUnlessRecorded(release("0"), "applied")).isFalse();
    assertThat(settings().getData()).containsEntry("replicas", "1");

    // A new release is applied, and owns its fields again.
    assertThat(applier.applyUnlessRecorded(release("2"), "applied")).isTrue();
    assertThat(settings().getData()).containsEntry("replicas", "2");
    assertThat(applier.applyUnlessRecorded(release("2"), "applied")).isFalse();
  }
}
