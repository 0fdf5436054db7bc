package dev.tributary.bench;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;

/**
 * Measures the whole local cluster as users meet it: the real {@code tributary up} (started through
 * the launcher, fresh HOME and data directory) and the walkthrough's files. Prints {@code
 * key=value} lines, comments starting with {@code #}. Phases ({@link UpPhase}, {@link RssPhase},
 * {@link PodsPhase}), each on its own {@code up}, one {@code up} at a time:
 *
 * <ul>
 *   <li>{@code up}: spawn to API server ready and to cluster ready (release applied and Available),
 *       cold and warm;
 *   <li>{@code rss}: RSS, threads and heap with the walkthrough's four sections running;
 *   <li>{@code pods}: pods started/s for a Deployment of event-display with 200 replicas, and the
 *       time to delete them.
 * </ul>
 *
 * <p>Usage: {@code LocalClusterBench LAUNCHER JAVA_HOME [PHASES]} (default {@code up,rss,pods}).
 * System properties: {@code bench.upRuns} (5 cold runs), {@code bench.warmRuns} (1), {@code
 * bench.replicas} (200), {@code bench.nmt} (false: native memory tracking in the rss phase), {@code
 * bench.javaOpts} (extra JVM options for the rss phase's {@code up}).
 */
public final class LocalClusterBench {

  private LocalClusterBench() {}

  public static void main(String[] args) throws Exception {
    Path launcher = Path.of(args[0]).toAbsolutePath();
    Path javaHome = Path.of(args[1]);
    List<String> phases = Arrays.asList((args.length > 2 ? args[2] : "up,rss,pods").split(","));
    Path work = Files.createTempDirectory("tributary-cluster-bench");
    ClusterBench bench = new ClusterBench(launcher, work, javaHome);
    try {
      // Every phase measures a JVM with the AppCDS archive users' second and later runs have.
      UpPhase.primeCdsArchive(bench);
      if (phases.contains("up")) {
        UpPhase.run(
            bench, Integer.getInteger("bench.upRuns", 5), Integer.getInteger("bench.warmRuns", 1));
      }
      if (phases.contains("rss")) {
        RssPhase.run(
            bench, Boolean.getBoolean("bench.nmt"), System.getProperty("bench.javaOpts", ""));
      }
      if (phases.contains("pods")) {
        PodsPhase.run(bench, Integer.getInteger("bench.replicas", 200));
      }
    } finally {
      deleteRecursively(work);
    }
    // fabric8's and Vert.x's non-daemon threads may linger after the clients close.
    System.exit(0);
  }

  private static void deleteRecursively(Path root) throws java.io.IOException {
    try (Stream<Path> paths = Files.walk(root)) {
      for (Path path : paths.sorted(Comparator.reverseOrder()).toList()) {
        Files.deleteIfExists(path);
      }
    }
  }
}
