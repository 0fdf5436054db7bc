package dev.tributary.bench;

import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.apps.DeploymentBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import java.time.Duration;
import java.util.List;
import java.util.Map;

/**
 * Phase {@code pods}: a Deployment of the walkthrough's event-display image with {@code replicas}
 * pods, created through the API on an otherwise idle cluster (release applied): time from the
 * create call to the first pod Running and to every quarter of the replicas Running and Ready, so
 * pods/s; the JVM's RSS and threads with them all running; then the time from deleting the
 * Deployment (background propagation, as {@code kubectl delete}) until no pod is left.
 */
final class PodsPhase {

  static final String IMAGE =
      "gcr.io/knative-releases/knative.dev/eventing-contrib/cmd/event_display"
          + "@sha256:49dac8ea142b5d00bbb4b12f6a9cacb2b7826f36037e2d34d304cdcd289233c3";
  private static final String NAMESPACE = "default";
  private static final String NAME = "bench-display";
  private static final Duration TIMEOUT = Duration.ofSeconds(600);

  private PodsPhase() {}

  static void run(ClusterBench bench, int replicas) throws Exception {
    try (UpProcess up = bench.up("pods");
        KubernetesClient client = ClusterBench.client(up);
        PodWatch pods = PodWatch.start(client, NAMESPACE)) {
      Thread.sleep(5_000); // the release's pods settle before the clock starts
      System.out.println(ProcStatus.of(up.pid()).format("pods_before"));
      long cpuBefore = CpuMeter.ticks(up.pid());
      long created = System.nanoTime();
      client.apps().deployments().inNamespace(NAMESPACE).resource(deployment(replicas)).create();
      long first = pods.await(list -> list.stream().anyMatch(PodWatch::running), TIMEOUT, "first");
      System.out.printf("pods_first_running_ms=%.0f%n", (first - created) / 1e6);
      for (int quarter = 1; quarter <= 4; quarter++) {
        int n = replicas * quarter / 4;
        long at =
            pods.await(
                list -> readyCount(list) >= n, TIMEOUT, n + " of " + replicas + " pods ready");
        System.out.printf("pods_ready=%d pods_ready_ms=%.0f%n", n, (at - created) / 1e6);
        if (quarter == 4) {
          double seconds = (at - created) / 1e9;
          System.out.printf(
              "pods_started_per_s=%.1f pods_cpu_ms_per_pod=%.0f%n",
              replicas / seconds, (CpuMeter.ticks(up.pid()) - cpuBefore) * 10.0 / replicas);
        }
      }
      Thread.sleep(5_000);
      System.out.println(ProcStatus.of(up.pid()).format("pods_" + replicas + "_running"));
      long deleting = System.nanoTime();
      client.apps().deployments().inNamespace(NAMESPACE).withName(NAME).delete();
      long gone = pods.await(List::isEmpty, TIMEOUT, "all pods deleted");
      System.out.printf("pods_all_deleted_ms=%.0f%n", (gone - deleting) / 1e6);
      Thread.sleep(5_000);
      System.out.println(ProcStatus.of(up.pid()).format("pods_after_delete"));
    }
  }

  private static long readyCount(List<Pod> pods) {
    return pods.stream().filter(PodWatch::runningAndReady).count();
  }

  private static Deployment deployment(int replicas) {
    Map<String, String> labels = Map.of("app", NAME);
    return new DeploymentBuilder()
        .withNewMetadata()
        .withName(NAME)
        .endMetadata()
        .withNewSpec()
        .withReplicas(replicas)
        .withNewSelector()
        .withMatchLabels(labels)
        .endSelector()
        .withNewTemplate()
        .withNewMetadata()
        .withLabels(labels)
        .endMetadata()
        .withNewSpec()
        .addNewContainer()
        .withName("event-display")
        .withImage(IMAGE)
        .endContainer()
        .endSpec()
        .endTemplate()
        .endSpec()
        .build();
  }
}
