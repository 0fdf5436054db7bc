package dev.tributary.bench;

import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.client.KubernetesClient;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;

/**
 * Phase {@code rss}: the memory of {@code tributary up} with the walkthrough's four sections
 * running. Applies the walkthrough's files with kubectl (event-display, the corrected RBAC, the
 * ApiServerSource, ContainerSource, PingSource, CronJob and SinkBinding), waits until their pods
 * and the ping adapter are Running and Ready, then samples the JVM's RSS, threads and heap (jcmd
 * {@code GC.heap_info}) after 60 s and 120 s, and RSS once more after {@code jcmd
 * System.trim_native_heap}. With {@code nmt} the JVM runs with {@code
 * -XX:NativeMemoryTracking=summary} (a few MB more) and the phase prints its summary at the end.
 */
final class RssPhase {

  /** Applied in the walkthrough's order; rbac before the source that runs as its account. */
  static final List<String> FILES =
      List.of(
          "event-display.yaml",
          "rbac-corrected.yaml",
          "apiserversource.yaml",
          "containersource.yaml",
          "pingsource.yaml",
          "cronjob.yaml",
          "sinkbinding.yaml");

  private static final Duration POD_TIMEOUT = Duration.ofSeconds(180);

  private RssPhase() {}

  static void run(ClusterBench bench, boolean nmt, String javaOpts) throws Exception {
    // The launcher's TRIBUTARY_JAVA_OPTS, if the caller set one, stays: this phase only adds.
    String inherited = System.getenv().getOrDefault("TRIBUTARY_JAVA_OPTS", "");
    String opts =
        (inherited + " " + javaOpts + (nmt ? " -XX:NativeMemoryTracking=summary" : "")).trim();
    Map<String, String> env = opts.isEmpty() ? Map.of() : Map.of("TRIBUTARY_JAVA_OPTS", opts);
    Jcmd jcmd = new Jcmd(bench.javaHome());
    try (UpProcess up = bench.up("rss", env)) {
      System.out.printf("rss_java_opts=\"%s\"%n", opts);
      Thread.sleep(5_000); // the release's pods settle; start-up garbage is what it is
      System.out.println(ProcStatus.of(up.pid()).format("ready_idle"));
      printHeap(jcmd, up.pid(), "ready_idle");
      KubectlRunner kubectl = bench.kubectl(up);
      long applied = System.nanoTime();
      for (String file : FILES) {
        kubectl.run("apply", "-f", bench.examples().resolve(file).toString());
      }
      try (KubernetesClient client = ClusterBench.client(up);
          PodWatch pods = PodWatch.start(client, "default");
          PodWatch system = PodWatch.start(client, "knative-eventing")) {
        pods.await(
            list ->
                ready(list, "event-display-")
                    && ready(list, "apiserversource-test-apiserver-")
                    && ready(list, "test-container-source-deployment-"),
            POD_TIMEOUT,
            "the walkthrough's pods ready");
        system.await(
            list -> ready(list, "pingsource-mt-adapter-"),
            POD_TIMEOUT,
            "pingsource-mt-adapter ready");
        System.out.printf(
            "walkthrough_applied_to_pods_ready_ms=%.0f%n", (System.nanoTime() - applied) / 1e6);
        long since = System.nanoTime();
        for (int seconds : new int[] {60, 120}) {
          Thread.sleep(Math.max(0, seconds * 1000L - (System.nanoTime() - since) / 1_000_000));
          String at = "walkthrough_" + seconds + "s";
          System.out.println(ProcStatus.of(up.pid()).format(at));
          printHeap(jcmd, up.pid(), at);
          System.out.printf(
              "%s_pods_default=%d %s_pods_running=%d%n",
              at,
              pods.pods().size(),
              at,
              pods.count(PodWatch::running) + system.count(PodWatch::running));
        }
      }
      // What glibc holds freed but not returned (C2's arenas after start-up, short-lived buffers):
      // RSS once more after asking the JVM to trim its native heap (malloc_trim).
      jcmd.run(up.pid(), "System.trim_native_heap");
      System.out.println(ProcStatus.of(up.pid()).format("walkthrough_after_malloc_trim"));
      if (nmt) {
        System.out.println("# jcmd VM.native_memory summary (committed, by category):");
        for (String line : jcmd.run(up.pid(), "VM.native_memory", "summary")) {
          if (line.startsWith("-") || line.startsWith("Total")) {
            System.out.println("#   " + line.trim());
          }
        }
      }
    }
  }

  /** At least one pod whose name starts with {@code prefix} is Running and Ready. */
  private static boolean ready(List<Pod> pods, String prefix) {
    Predicate<Pod> named = p -> p.getMetadata().getName().startsWith(prefix);
    return pods.stream().anyMatch(named.and(PodWatch::runningAndReady));
  }

  /** Heap used and committed (sum over G1/Serial/Parallel regions) and metaspace, from jcmd. */
  private static void printHeap(Jcmd jcmd, long pid, String prefix) throws Exception {
    List<String> lines = jcmd.run(pid, "GC.heap_info");
    for (String line : lines) {
      String trimmed = line.trim();
      if (trimmed.contains("total") && trimmed.contains("used")) {
        System.out.println("# " + prefix + " heap_info: " + trimmed);
      } else if (trimmed.startsWith("Metaspace") || trimmed.startsWith("class space")) {
        System.out.println("# " + prefix + " heap_info: " + trimmed);
      }
    }
  }
}
