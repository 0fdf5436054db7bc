package dev.tributary.local.kubelet.logs;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.tributary.local.apiserver.TestCluster;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.PodBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PodLogJanitorIT {

  @TempDir Path temp;

  @Test
  void removesTheLogsOfPodsThatAreGone() throws Exception {
    FileContainerLogs logs = new FileContainerLogs(temp.resolve("logs"), Clock.systemUTC());
    try (TestCluster cluster = TestCluster.start(temp.resolve("data"))) {
      KubernetesClient client = cluster.client();
      Pod pod = client.pods().inNamespace("default").resource(pod("web")).create();
      String uid = pod.getMetadata().getUid();
      logs.open("default", "web", uid, "app", 0).line("kept while the pod is there");
      logs.open("default", "gone", "uid-of-a-pod-deleted-earlier", "app", 0).line("stale");

      try (PodLogJanitor janitor = new PodLogJanitor(client, logs)) {
        janitor.start().get(30, TimeUnit.SECONDS);

        assertThat(logs.read("default", "gone", "uid-of-a-pod-deleted-earlier", "app", 0))
            .isEmpty();
        assertThat(logs.read("default", "web", uid, "app", 0)).isPresent();

        client.pods().inNamespace("default").withName("web").withGracePeriod(0).delete();

        await()
            .atMost(Duration.ofSeconds(20))
            .until(() -> logs.read("default", "web", uid, "app", 0).isEmpty());
      }
    }
  }

  private static Pod pod(String name) {
    return new PodBuilder()
        .withNewMetadata()
        .withName(name)
        .endMetadata()
        .withNewSpec()
        .addNewContainer()
        .withName("app")
        .withImage("busybox")
        .endContainer()
        .endSpec()
        .build();
  }
}
