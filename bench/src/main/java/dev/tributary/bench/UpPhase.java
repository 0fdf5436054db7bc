package dev.tributary.bench;

import io.fabric8.kubernetes.client.KubernetesClient;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;

/**
 * Phase {@code up}: {@code tributary up} from spawn to the API server's ready line and to the
 * cluster's ready line (release applied, eventing-webhook and eventing-controller Available), on a
 * fresh data directory each run (cold) and then restarted on the first run's directory (warm). On a
 * warm start the Deployments' stored status still says Available from the previous run, so the
 * ready line alone would measure nothing: the phase also waits until every knative-eventing pod is
 * Ready with containers started by this run ("pods ready again").
 */
final class UpPhase {

  private static final Duration POD_TIMEOUT = Duration.ofSeconds(120);

  private UpPhase() {}

  static void run(ClusterBench bench, int coldRuns, int warmRuns) throws Exception {
    long[] apiCold = new long[coldRuns];
    long[] readyCold = new long[coldRuns];
    long[] cpuCold = new long[coldRuns];
    long[] podsCold = new long[coldRuns];
    for (int i = 0; i < coldRuns; i++) {
      Instant spawned = Instant.now();
      try (UpProcess up = bench.up("cold-" + i)) {
        apiCold[i] = up.readyNanos();
        readyCold[i] = up.clusterReadyNanos();
        cpuCold[i] = up.clusterReadyCpuMillis() * 1_000_000;
        podsCold[i] = podsReadyAgainNanos(up, spawned);
        if (i == 0) {
          printTimeline("cold run 0", up);
          ThreadCpu.print("cold run 0 at its ready line", up.pid(), 100);
        }
        System.out.printf(
            "up_cold_run=%d api_ready_ms=%.0f cluster_ready_ms=%.0f reported_s=%.1f cpu_ms=%d"
                + " pods_ready_ms=%.0f%n",
            i,
            apiCold[i] / 1e6,
            readyCold[i] / 1e6,
            up.reportedSeconds(),
            up.clusterReadyCpuMillis(),
            podsCold[i] / 1e6);
      }
    }
    long[] apiWarm = new long[warmRuns];
    long[] readyWarm = new long[warmRuns];
    long[] cpuWarm = new long[warmRuns];
    long[] podsWarm = new long[warmRuns];
    for (int i = 0; i < warmRuns; i++) {
      Instant spawned = Instant.now();
      try (UpProcess up = bench.up("cold-0")) {
        apiWarm[i] = up.readyNanos();
        readyWarm[i] = up.clusterReadyNanos();
        cpuWarm[i] = up.clusterReadyCpuMillis() * 1_000_000;
        podsWarm[i] = podsReadyAgainNanos(up, spawned);
        if (i == 0) {
          printTimeline("warm run 0", up);
          ThreadCpu.print("warm run 0 at its ready line", up.pid(), 100);
        }
        System.out.printf(
            "up_warm_run=%d api_ready_ms=%.0f cluster_ready_ms=%.0f reported_s=%.1f cpu_ms=%d"
                + " pods_ready_again_ms=%.0f%n",
            i,
            apiWarm[i] / 1e6,
            readyWarm[i] / 1e6,
            up.reportedSeconds(),
            up.clusterReadyCpuMillis(),
            podsWarm[i] / 1e6);
      }
    }
    System.out.println(Stats.millis("up_cold_api_ready", apiCold));
    System.out.println(Stats.millis("up_cold_cluster_ready", readyCold));
    System.out.println(Stats.millis("up_cold_cluster_ready_cpu", cpuCold));
    System.out.println(Stats.millis("up_cold_pods_ready", podsCold));
    if (warmRuns > 0) {
      System.out.println(Stats.millis("up_warm_api_ready", apiWarm));
      System.out.println(Stats.millis("up_warm_cluster_ready", readyWarm));
      System.out.println(Stats.millis("up_warm_cluster_ready_cpu", cpuWarm));
      System.out.println(Stats.millis("up_warm_pods_ready_again", podsWarm));
    }
  }

  /**
   * The launcher writes the AppCDS archive when the first run after a build exits; that run loads
   * every class from the jar and pays for the dump, which no later run does: it is not counted.
   */
  static void primeCdsArchive(ClusterBench bench) throws Exception {
    Path archive = bench.launcher().getParent().resolve("dist/target/tributary-up.jsa");
    Path jar = bench.launcher().getParent().resolve("dist/target/tributary.jar");
    // The launcher deletes an archive older than the jar (made from another build).
    if (Files.exists(archive)
        && !Files.getLastModifiedTime(jar)
            .toInstant()
            .isAfter(Files.getLastModifiedTime(archive).toInstant())) {
      System.out.println("# AppCDS archive present: " + archive);
      return;
    }
    System.out.println("# no AppCDS archive yet: one uncounted run writes it");
    try (UpProcess up = bench.up("prime")) {
      System.out.printf("# priming run: cluster_ready_ms=%.0f%n", up.clusterReadyNanos() / 1e6);
    }
  }

  /**
   * Spawn to the last knative-eventing pod's Ready transition, in nanoseconds, once every such pod
   * is Ready with its containers started by this process. Read from the pods' own {@code
   * lastTransitionTime} (whole seconds, so ±1 s), not from when this JVM saw it: this JVM's client
   * starts only after the ready line, and on a loaded machine its own start would be measured.
   */
  private static long podsReadyAgainNanos(UpProcess up, Instant spawnedAt) throws Exception {
    try (KubernetesClient client = ClusterBench.client(up);
        PodWatch pods = PodWatch.start(client, "knative-eventing")) {
      pods.await(
          list -> !list.isEmpty() && list.stream().allMatch(p -> PodWatch.readySince(p, spawnedAt)),
          POD_TIMEOUT,
          "knative-eventing pods ready");
      Instant last =
          pods.pods().stream().map(PodWatch::readyTransition).max(Instant::compareTo).orElseThrow();
      // spawnedAt has sub-second precision, the transition not: compare whole seconds.
      return Duration.between(spawnedAt.truncatedTo(ChronoUnit.SECONDS), last).toNanos();
    }
  }

  private static void printTimeline(String run, UpProcess up) {
    System.out.println("# stdout of " + run + " (s since spawn):");
    List<String> lines = up.output();
    for (int i = 0; i < lines.size(); i++) {
      System.out.printf("#   %6.2f %s%n", up.outputNanos().get(i) / 1e9, lines.get(i));
    }
  }
}
