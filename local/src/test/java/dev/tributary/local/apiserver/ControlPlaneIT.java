package dev.tributary.local.apiserver;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.tributary.local.datadir.DataDirLockedException;
import io.fabric8.kubernetes.api.model.ConfigMap;
import io.fabric8.kubernetes.api.model.ConfigMapBuilder;
import io.fabric8.kubernetes.client.Config;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientBuilder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** What {@code tributary up} runs: start, lock, kubeconfig, restart on the same data. */
class ControlPlaneIT {

  @TempDir Path temp;

  private static KubernetesClient client(ControlPlane plane) throws Exception {
    return new KubernetesClientBuilder()
        .withConfig(Config.fromKubeconfig(Files.readString(plane.kubeconfig())))
        .build();
  }

  @Test
  void startsLocksWritesAKubeconfigAndKeepsObjectsAcrossRestarts() throws Exception {
    Path dir = temp.resolve("data");
    List<String> progress = new CopyOnWriteArrayList<>();
    ConfigMap created;
    try (ControlPlane plane = ControlPlane.start(dir, 0, Clock.systemUTC(), progress::add)) {
      assertThat(plane.kubeconfig()).isEqualTo(dir.resolve("kubeconfig"));
      assertThat(Files.readString(plane.kubeconfig())).contains("server: " + plane.url());
      assertThat(progress).anyMatch(p -> p.startsWith("data directory "));
      assertThatThrownBy(() -> ControlPlane.start(dir, 0, Clock.systemUTC(), p -> {}))
          .isInstanceOf(DataDirLockedException.class)
          .hasMessageContaining("another tributary is running on");
      try (KubernetesClient client = client(plane)) {
        created =
            client
                .configMaps()
                .inNamespace("default")
                .resource(
                    new ConfigMapBuilder()
                        .withNewMetadata()
                        .withName("kept")
                        .endMetadata()
                        .addToData("a", "b")
                        .build())
                .create();
      }
    }

    try (ControlPlane again = ControlPlane.start(dir, 0, Clock.systemUTC(), p -> {});
        KubernetesClient client = client(again)) {
      ConfigMap found = client.configMaps().inNamespace("default").withName("kept").get();
      assertThat(found).isEqualTo(created);
      assertThat(client.namespaces().withName("knative-eventing").get()).isNotNull();
    }
  }
}
