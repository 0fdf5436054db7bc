package dev.tributary.bench;

import io.fabric8.kubernetes.api.model.ConfigMap;
import io.fabric8.kubernetes.api.model.ConfigMapBuilder;
import io.fabric8.kubernetes.api.model.ConfigMapList;
import io.fabric8.kubernetes.api.model.ListOptionsBuilder;
import io.fabric8.kubernetes.api.model.NamespaceBuilder;
import io.fabric8.kubernetes.client.Config;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientBuilder;
import io.fabric8.kubernetes.client.Watch;
import io.fabric8.kubernetes.client.Watcher;
import io.fabric8.kubernetes.client.WatcherException;
import io.fabric8.kubernetes.client.dsl.base.PatchContext;
import io.fabric8.kubernetes.client.dsl.base.PatchType;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicLongArray;
import java.util.concurrent.atomic.LongAdder;
import java.util.concurrent.locks.LockSupport;
import java.util.stream.Stream;

/**
 * Measures the local API server as users meet it: the real {@code tributary up} process (started
 * through the launcher script) driven by fabric8 from this JVM. Prints {@code key=value} lines:
 *
 * <ol>
 *   <li>start-up: wall time from spawning the launcher to its ready line, cold (fresh data
 *       directory) and warm (existing one), and the idle RSS after ready;
 *   <li>creates/s of a small ConfigMap with 1, 8 and 32 creates in flight (closed loop), with the
 *       server's CPU time per create;
 *   <li>LIST of 10,000 ConfigMaps: a full list (with the server's CPU time per list), and a
 *       traversal in pages of 500;
 *   <li>watch fan-out: 100 fabric8 watches on one namespace while a writer patches one ConfigMap at
 *       a steady rate; each patch carries the writer's {@link System#nanoTime()}, so each watcher
 *       computes the delay from the start of the write to its delivery, and from the write's
 *       response to its delivery; with the server's CPU time per write and per delivery.
 * </ol>
 *
 * <p>Usage: {@code ApiServerBench LAUNCHER [PHASES]}, PHASES a comma-separated subset of {@code
 * startup,creates,list,watch} (default all). Tuning through system properties: {@code
 * bench.startupRuns} (5), {@code bench.createSeconds} (10), {@code bench.warmupSeconds} (20),
 * {@code bench.watchers} (100), {@code bench.watchRate} (50 writes/s), {@code bench.watchSeconds}
 * (20).
 */
public final class ApiServerBench {

  private static final String SENT = "bench.tributary.dev/sent-nanos";
  private static final String SEQUENCE = "bench.tributary.dev/sequence";
  private static final int LIST_SIZE = 10_000;

  private ApiServerBench() {}

  public static void main(String[] args) throws Exception {
    Path launcher = Path.of(args[0]).toAbsolutePath();
    List<String> phases =
        Arrays.asList((args.length > 1 ? args[1] : "startup,creates,list,watch").split(","));
    Path work = Files.createTempDirectory("tributary-bench");
    try {
      if (phases.contains("startup")) {
        startup(launcher, work, Integer.getInteger("bench.startupRuns", 5));
      }
      if (phases.contains("creates") || phases.contains("list") || phases.contains("watch")) {
        try (UpProcess up = UpProcess.start(launcher, work.resolve("load"))) {
          Config config = Config.fromKubeconfig(Files.readString(up.kubeconfig()));
          config.setMaxConcurrentRequests(1024);
          config.setMaxConcurrentRequestsPerHost(1024);
          try (KubernetesClient client = new KubernetesClientBuilder().withConfig(config).build()) {
            if (phases.contains("creates")) {
              creates(client, up);
            }
            if (phases.contains("list")) {
              list(client, up);
            }
            if (phases.contains("watch")) {
              watchFanOut(client, up);
            }
          }
          System.out.printf("rss_after_load_mib=%.1f%n", up.rssKib() / 1024.0);
        }
      }
    } finally {
      deleteRecursively(work);
    }
    // fabric8's and Vert.x's non-daemon threads may linger after the client closes.
    System.exit(0);
  }

  // ---- start-up and RSS ----------------------------------------------------------------------

  private static void startup(Path launcher, Path work, int runs) throws Exception {
    long[] cold = new long[runs];
    double[] coldReported = new double[runs];
    long[] coldCpu = new long[runs];
    boolean warning = false;
    for (int i = 0; i < runs; i++) {
      try (UpProcess up = UpProcess.start(launcher, work.resolve("cold-" + i))) {
        cold[i] = up.readyNanos();
        coldReported[i] = up.reportedSeconds();
        coldCpu[i] = up.readyCpuMillis() * 1_000_000;
        warning |= up.stderr().contains("WARNING");
        if (i == 0) {
          System.out.println("# stdout of the first cold start:");
          up.output().forEach(line -> System.out.println("#   " + line));
        }
      }
    }
    long[] warm = new long[runs];
    double[] warmReported = new double[runs];
    long[] warmCpu = new long[runs];
    long idleRss = 0;
    for (int i = 0; i < runs; i++) {
      // Reuses the first cold run's directory: certificates, tokens and store exist.
      try (UpProcess up = UpProcess.start(launcher, work.resolve("cold-0"))) {
        warm[i] = up.readyNanos();
        warmReported[i] = up.reportedSeconds();
        warmCpu[i] = up.readyCpuMillis() * 1_000_000;
        warning |= up.stderr().contains("WARNING");
        if (i == runs - 1) {
          Thread.sleep(5_000); // idle: let start-up garbage and JIT threads settle
          idleRss = up.rssKib();
        }
      }
    }
    printMillis("startup_cold_ready", cold);
    System.out.printf("startup_cold_cluster_ready_reported_s_median=%.2f%n", median(coldReported));
    printMillis("startup_cold_cpu", coldCpu);
    printMillis("startup_warm_ready", warm);
    System.out.printf("startup_warm_cluster_ready_reported_s_median=%.2f%n", median(warmReported));
    printMillis("startup_warm_cpu", warmCpu);
    System.out.printf("idle_rss_mib=%.1f%n", idleRss / 1024.0);
    System.out.println("jvm_warning_on_stderr=" + warning);
  }

  private static void printMillis(String name, long[] nanos) {
    long[] sorted = nanos.clone();
    Arrays.sort(sorted);
    System.out.printf(
        "%s_ms_median=%.0f %s_ms_min=%.0f %s_ms_max=%.0f%n",
        name,
        sorted[sorted.length / 2] / 1e6,
        name,
        sorted[0] / 1e6,
        name,
        sorted[sorted.length - 1] / 1e6);
  }

  private static double median(double[] values) {
    double[] sorted = values.clone();
    Arrays.sort(sorted);
    return sorted[sorted.length / 2];
  }

  // ---- creates/s -----------------------------------------------------------------------------

  private static void creates(KubernetesClient client, UpProcess up) throws Exception {
    Duration warmup = Duration.ofSeconds(Integer.getInteger("bench.warmupSeconds", 20));
    Duration measure = Duration.ofSeconds(Integer.getInteger("bench.createSeconds", 10));
    for (int inFlight : new int[] {1, 8, 32}) {
      String namespace = "creates-" + inFlight;
      createNamespace(client, namespace);
      closedLoopCreates(client, namespace, "w", inFlight, warmup);
      long serverTicks = CpuMeter.ticks(up.pid());
      CreateRun run = closedLoopCreates(client, namespace, "m", inFlight, measure);
      double serverCpuMicros = (CpuMeter.ticks(up.pid()) - serverTicks) * 1e4;
      System.out.printf(
          "creates_in_flight=%d creates_per_s=%.0f create_p50_ms=%.2f create_p99_ms=%.2f"
              + " server_cpu_us_per_create=%.0f errors=%d%n",
          inFlight,
          run.count() / (measure.toNanos() / 1e9),
          percentile(run.latencies(), 0.50) / 1e6,
          percentile(run.latencies(), 0.99) / 1e6,
          serverCpuMicros / Math.max(1, run.count()),
          run.errors());
    }
  }

  private record CreateRun(long count, long[] latencies, long errors) {}

  /** {@code threads} threads each creating ConfigMaps back to back for {@code duration}. */
  private static CreateRun closedLoopCreates(
      KubernetesClient client, String namespace, String prefix, int threads, Duration duration)
      throws InterruptedException {
    long deadline = System.nanoTime() + duration.toNanos();
    List<List<Long>> latencies = new ArrayList<>();
    LongAdder errors = new LongAdder();
    List<Thread> workers = new ArrayList<>();
    for (int t = 0; t < threads; t++) {
      List<Long> mine = new ArrayList<>();
      latencies.add(mine);
      String names = prefix + "-" + t + "-";
      workers.add(
          Thread.ofPlatform()
              .name("creates-" + t)
              .start(
                  () -> {
                    for (int i = 0; System.nanoTime() < deadline; i++) {
                      long started = System.nanoTime();
                      try {
                        client
                            .configMaps()
                            .inNamespace(namespace)
                            .resource(smallConfigMap(names + i))
                            .create();
                        mine.add(System.nanoTime() - started);
                      } catch (RuntimeException e) {
                        errors.increment();
                      }
                    }
                  }));
    }
    for (Thread worker : workers) {
      worker.join();
    }
    long[] all = latencies.stream().flatMap(List::stream).mapToLong(Long::longValue).toArray();
    return new CreateRun(all.length, all, errors.sum());
  }

  private static ConfigMap smallConfigMap(String name) {
    return new ConfigMapBuilder()
        .withNewMetadata()
        .withName(name)
        .endMetadata()
        .withData(Map.of("greeting", "hello"))
        .build();
  }

  // ---- LIST ----------------------------------------------------------------------------------

  private static void list(KubernetesClient client, UpProcess up) throws Exception {
    String namespace = "list";
    createNamespace(client, namespace);
    AtomicInteger next = new AtomicInteger();
    List<Thread> fillers = new ArrayList<>();
    for (int t = 0; t < 16; t++) {
      fillers.add(
          Thread.ofPlatform()
              .start(
                  () -> {
                    for (int i = next.getAndIncrement();
                        i < LIST_SIZE;
                        i = next.getAndIncrement()) {
                      client
                          .configMaps()
                          .inNamespace(namespace)
                          .resource(smallConfigMap("cm-" + i))
                          .create();
                    }
                  }));
    }
    for (Thread filler : fillers) {
      filler.join();
    }

    int fullRuns = 20;
    long[] full = new long[fullRuns];
    long serverTicks = 0;
    for (int i = -3; i < fullRuns; i++) { // three warm-up lists
      if (i == 0) {
        serverTicks = CpuMeter.ticks(up.pid());
      }
      long started = System.nanoTime();
      ConfigMapList items = client.configMaps().inNamespace(namespace).list();
      long took = System.nanoTime() - started;
      check(items.getItems().size() == LIST_SIZE, "full list: " + items.getItems().size());
      if (i >= 0) {
        full[i] = took;
      }
    }
    // Clock ticks are 10 ms: the server's CPU time per full list, steadier than its wall time.
    double serverCpuMillisPerList = (CpuMeter.ticks(up.pid()) - serverTicks) * 10.0 / fullRuns;
    Arrays.sort(full);
    System.out.printf(
        "list_full_10000_p50_ms=%.1f list_full_10000_p99_ms=%.1f list_full_10000_max_ms=%.1f"
            + " server_cpu_ms_per_full_list=%.1f%n",
        percentile(full, 0.50) / 1e6,
        percentile(full, 0.99) / 1e6,
        full[fullRuns - 1] / 1e6,
        serverCpuMillisPerList);

    int pagedRuns = 10;
    long[] traversals = new long[pagedRuns];
    List<Long> pages = new ArrayList<>();
    for (int i = -3; i < pagedRuns; i++) {
      long started = System.nanoTime();
      String token = null;
      int seen = 0;
      do {
        long pageStarted = System.nanoTime();
        ConfigMapList page =
            client
                .configMaps()
                .inNamespace(namespace)
                .list(new ListOptionsBuilder().withLimit(500L).withContinue(token).build());
        if (i >= 0) {
          pages.add(System.nanoTime() - pageStarted);
        }
        seen += page.getItems().size();
        token = page.getMetadata().getContinue();
      } while (token != null && !token.isEmpty());
      check(seen == LIST_SIZE, "paged list: " + seen);
      if (i >= 0) {
        traversals[i] = System.nanoTime() - started;
      }
    }
    long[] pageNanos = pages.stream().mapToLong(Long::longValue).toArray();
    Arrays.sort(traversals);
    System.out.printf(
        "list_limit500_page_p50_ms=%.1f list_limit500_page_p99_ms=%.1f"
            + " list_limit500_all_pages_p50_ms=%.1f list_limit500_all_pages_max_ms=%.1f%n",
        percentile(pageNanos, 0.50) / 1e6,
        percentile(pageNanos, 0.99) / 1e6,
        percentile(traversals, 0.50) / 1e6,
        traversals[pagedRuns - 1] / 1e6);
  }

  // ---- watch fan-out -------------------------------------------------------------------------

  private static void watchFanOut(KubernetesClient client, UpProcess up) throws Exception {
    int watchers = Integer.getInteger("bench.watchers", 100);
    int rate = Integer.getInteger("bench.watchRate", 50);
    int seconds = Integer.getInteger("bench.watchSeconds", 20);
    int writes = rate * seconds;
    String namespace = "watch";
    createNamespace(client, namespace);
    client.configMaps().inNamespace(namespace).resource(smallConfigMap("ticker")).create();

    long[] delays = new long[watchers * writes];
    // Delivery minus the moment the write's response arrived (0 when the event came first): the
    // watch path's own delay, without the write's latency.
    long[] afterAck = new long[watchers * writes];
    AtomicLongArray acked = new AtomicLongArray(writes);
    AtomicInteger recorded = new AtomicInteger();
    AtomicInteger[] warmedUp = new AtomicInteger[watchers];
    AtomicLong closedWithError = new AtomicLong();
    List<Watch> watches = new ArrayList<>();
    for (int w = 0; w < watchers; w++) {
      AtomicInteger seen = new AtomicInteger();
      warmedUp[w] = seen;
      watches.add(
          client
              .configMaps()
              .inNamespace(namespace)
              .watch(
                  new Watcher<>() {
                    @Override
                    public void eventReceived(Action action, ConfigMap object) {
                      long received = System.nanoTime();
                      Map<String, String> annotations = object.getMetadata().getAnnotations();
                      if (action != Action.MODIFIED || annotations == null) {
                        return;
                      }
                      long sequence = Long.parseLong(annotations.getOrDefault(SEQUENCE, "-1"));
                      if (sequence < 0) {
                        seen.incrementAndGet();
                        return;
                      }
                      int slot = recorded.getAndIncrement();
                      if (slot < delays.length) {
                        delays[slot] = received - Long.parseLong(annotations.get(SENT));
                        long ack = sequence < writes ? acked.get((int) sequence) : 0;
                        afterAck[slot] = ack == 0 ? 0 : Math.max(0, received - ack);
                      }
                    }

                    @Override
                    public void onClose(WatcherException cause) {
                      closedWithError.incrementAndGet();
                    }
                  }));
    }

    // Warm-up writes (sequence -1) until every watcher has seen one.
    long warmupDeadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
    while (Stream.of(warmedUp).anyMatch(seen -> seen.get() < 5)
        && System.nanoTime() < warmupDeadline) {
      patchTicker(client, namespace, -1);
      Thread.sleep(1000 / rate);
    }
    for (int i = 0; i < 2 * rate; i++) { // two more seconds at the measured rate, still warm-up
      patchTicker(client, namespace, -1);
      Thread.sleep(1000 / rate);
    }

    long[] writeLatencies = new long[writes];
    long period = 1_000_000_000L / rate;
    long serverTicks = CpuMeter.ticks(up.pid());
    long start = System.nanoTime();
    for (int i = 0; i < writes; i++) {
      long due = start + i * period;
      long wait = due - System.nanoTime();
      if (wait > 0) {
        LockSupport.parkNanos(wait);
      }
      writeLatencies[i] = patchTicker(client, namespace, i);
      acked.set(i, System.nanoTime());
    }
    // Let the last deliveries arrive.
    long drainDeadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
    while (recorded.get() < delays.length && System.nanoTime() < drainDeadline) {
      Thread.sleep(50);
    }
    // Includes the writes' own cost; clock ticks are 10 ms.
    double serverCpuMicros = (CpuMeter.ticks(up.pid()) - serverTicks) * 1e4;
    watches.forEach(Watch::close);

    int delivered = Math.min(recorded.get(), delays.length);
    long[] measured = Arrays.copyOf(delays, delivered);
    Arrays.sort(measured);
    long[] measuredAfterAck = Arrays.copyOf(afterAck, delivered);
    Arrays.sort(measuredAfterAck);
    Arrays.sort(writeLatencies);
    System.out.printf(
        "watch_watchers=%d watch_writes_per_s=%d watch_writes=%d deliveries=%d expected=%d"
            + " watches_closed=%d%n",
        watchers, rate, writes, delivered, delays.length, closedWithError.get());
    System.out.printf(
        "watch_delay_p50_ms=%.2f watch_delay_p99_ms=%.2f watch_delay_max_ms=%.2f"
            + " write_p50_ms=%.2f write_p99_ms=%.2f%n",
        percentile(measured, 0.50) / 1e6,
        percentile(measured, 0.99) / 1e6,
        delivered == 0 ? Double.NaN : measured[delivered - 1] / 1e6,
        percentile(writeLatencies, 0.50) / 1e6,
        percentile(writeLatencies, 0.99) / 1e6);
    System.out.printf(
        "watch_delay_after_write_response_p50_ms=%.2f watch_delay_after_write_response_p99_ms=%.2f%n",
        percentile(measuredAfterAck, 0.50) / 1e6, percentile(measuredAfterAck, 0.99) / 1e6);
    System.out.printf(
        "watch_server_cpu_us_per_write=%.0f watch_server_cpu_us_per_delivery=%.1f%n",
        serverCpuMicros / writes, serverCpuMicros / Math.max(1, delivered));
  }

  /** Patches the ticker with the send time; returns the write's latency in nanoseconds. */
  private static long patchTicker(KubernetesClient client, String namespace, long sequence) {
    long sent = System.nanoTime();
    client
        .configMaps()
        .inNamespace(namespace)
        .withName("ticker")
        .patch(
            PatchContext.of(PatchType.JSON_MERGE),
            "{\"metadata\":{\"annotations\":{\""
                + SENT
                + "\":\""
                + sent
                + "\",\""
                + SEQUENCE
                + "\":\""
                + sequence
                + "\"}}}");
    return System.nanoTime() - sent;
  }

  // ---- helpers -------------------------------------------------------------------------------

  private static void createNamespace(KubernetesClient client, String name) {
    client
        .namespaces()
        .resource(new NamespaceBuilder().withNewMetadata().withName(name).endMetadata().build())
        .create();
  }

  /** The {@code p} quantile of sorted or unsorted values (sorts a copy), in their unit. */
  static double percentile(long[] values, double p) {
    if (values.length == 0) {
      return Double.NaN;
    }
    long[] sorted = values.clone();
    Arrays.sort(sorted);
    int index = (int) Math.ceil(p * sorted.length) - 1;
    return sorted[Math.max(0, Math.min(sorted.length - 1, index))];
  }

  private static void check(boolean condition, String what) {
    if (!condition) {
      throw new IllegalStateException("unexpected result: " + what);
    }
  }

  private static void deleteRecursively(Path root) throws IOException {
    try (Stream<Path> paths = Files.walk(root)) {
      for (Path path : paths.sorted(Comparator.reverseOrder()).toList()) {
        Files.deleteIfExists(path);
      }
    }
  }
}
