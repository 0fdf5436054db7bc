package dev.tributary.local.store;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.Stream;

/**
 * Measures the store's create throughput under both {@link Durability} settings, and the latency of
 * listing 10,000 objects. Not a test: run it by hand, e.g.
 *
 * <pre>
 * mvn -q -pl local -am test-compile dependency:build-classpath -Dmdep.outputFile=/tmp/cp.txt
 * java -cp local/target/test-classes:local/target/classes:$(cat /tmp/cp.txt) \
 *     dev.tributary.local.store.StoreThroughput [creates] [threads] [dir]
 * </pre>
 *
 * Each setting gets a fresh directory (under {@code dir}, default the system temp directory, which
 * should be on the disk the store will use), a warm-up, then {@code creates} small ConfigMaps from
 * one thread and the same again spread over {@code threads} threads.
 */
public final class StoreThroughput {

  private StoreThroughput() {}

  public static void main(String[] args) throws Exception {
    int creates = args.length > 0 ? Integer.parseInt(args[0]) : 10_000;
    int threads = args.length > 1 ? Integer.parseInt(args[1]) : 4;
    Path parent = Path.of(args.length > 2 ? args[2] : System.getProperty("java.io.tmpdir"));
    ObjectMapper json = new ObjectMapper();
    for (Durability durability : Durability.values()) {
      Path dir = Files.createTempDirectory(parent, "store-throughput-");
      try (Store store = Store.open(dir, StoreOptions.defaults().withDurability(durability))) {
        createSerially(store, json, "warmup", creates);
        long started = System.nanoTime();
        long cpu = processCpuNanos();
        createSerially(store, json, "serial", creates);
        report(durability, "1 thread", creates, started, cpu);

        started = System.nanoTime();
        cpu = processCpuNanos();
        createInParallel(store, json, creates, threads);
        report(durability, threads + " threads", creates, started, cpu);
      } finally {
        deleteRecursively(dir);
      }
    }
    listLatency(parent, json);
  }

  private static void createSerially(Store store, ObjectMapper json, String prefix, int count) {
    for (int i = 0; i < count; i++) {
      store.create(key(prefix + "-" + i), configMap(json, prefix + "-" + i));
    }
  }

  private static void createInParallel(Store store, ObjectMapper json, int count, int threads)
      throws Exception {
    try (ExecutorService pool = Executors.newFixedThreadPool(threads)) {
      List<Future<?>> done = new ArrayList<>();
      for (int t = 0; t < threads; t++) {
        String prefix = "parallel-" + t;
        int share = count / threads;
        done.add(pool.submit(() -> createSerially(store, json, prefix, share)));
      }
      for (Future<?> future : done) {
        future.get();
      }
    }
  }

  private static void listLatency(Path parent, ObjectMapper json) throws IOException {
    Path dir = Files.createTempDirectory(parent, "store-list-");
    try (Store store = Store.open(dir, StoreOptions.defaults())) {
      createSerially(store, json, "listed", 10_000);
      for (int round = 0; round < 5; round++) {
        store.list("configmaps", "default");
      }
      int rounds = 20;
      long started = System.nanoTime();
      for (int round = 0; round < rounds; round++) {
        store.list("configmaps", "default");
      }
      System.out.printf(
          "list of 10,000 configmaps: %.1f ms%n", (System.nanoTime() - started) / 1e6 / rounds);
    } finally {
      deleteRecursively(dir);
    }
  }

  private static ObjectKey key(String name) {
    return new ObjectKey("configmaps", "default", name);
  }

  private static ObjectNode configMap(ObjectMapper json, String name) {
    ObjectNode object = json.createObjectNode();
    object.put("apiVersion", "v1").put("kind", "ConfigMap");
    object
        .putObject("metadata")
        .put("name", name)
        .put("namespace", "default")
        .put("uid", "6a4c7d2e-1f0b-4c38-9a57-" + String.format("%012d", name.hashCode() & 0xffff))
        .put("creationTimestamp", "2025-01-01T10:00:00Z");
    object.putObject("data").put("greeting", "hello, world!").put("count", "1");
    return object;
  }

  private static void report(
      Durability durability, String how, int count, long startedNanos, long cpuStartNanos) {
    double seconds = (System.nanoTime() - startedNanos) / 1e9;
    double cpuMicros = (processCpuNanos() - cpuStartNanos) / 1e3 / count;
    System.out.printf(
        "%-13s %-10s %,8d creates in %6.2f s = %,8.0f creates/s, %4.0f µs CPU per create%n",
        durability, how, count, seconds, count / seconds, cpuMicros);
  }

  /** CPU time of the whole process: on a shared machine a steadier figure than wall time. */
  private static long processCpuNanos() {
    return ((com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean())
        .getProcessCpuTime();
  }

  private static void deleteRecursively(Path dir) throws IOException {
    try (Stream<Path> paths = Files.walk(dir)) {
      for (Path path : paths.sorted(Comparator.reverseOrder()).toList()) {
        Files.delete(path);
      }
    }
  }
}
