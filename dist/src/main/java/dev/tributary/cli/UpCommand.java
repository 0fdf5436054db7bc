package dev.tributary.cli;

import dev.tributary.local.cluster.LocalCluster;
import dev.tributary.local.cluster.ManifestApplier;
import dev.tributary.local.datadir.DataDirLockedException;
import dev.tributary.local.kubelet.image.BuiltinImages;
import dev.tributary.release.ReleaseImages;
import java.io.FileDescriptor;
import java.io.FileOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.function.Consumer;
import java.util.stream.Stream;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * {@code tributary up}: runs the local control plane in the foreground until Ctrl-C or SIGTERM,
 * printing progress, a ready line and the {@code export KUBECONFIG=...} hint on stdout.
 */
@Command(
    name = "up",
    mixinStandardHelpOptions = true,
    description = "Start the local cluster in the foreground (Ctrl-C stops).")
final class UpCommand implements Callable<Integer> {

  @Mixin DataDirOption dataDirOption;

  @Option(
      names = "--port",
      defaultValue = "6443",
      description =
          "HTTPS port of the API server on 127.0.0.1 (0 = any free port). Default: ${DEFAULT-VALUE}.")
  int port;

  @Option(
      names = "--no-host-exec",
      description =
          "Do not run unmapped images as host processes, even when their container gives a command.")
  boolean noHostExec;

  @Option(
      names = "--no-release",
      description = "Do not install the Knative control plane (release.yaml) - a bare Kubernetes.")
  boolean noRelease;

  @Option(
      names = {"-f", "--filename"},
      paramLabel = "FILE|DIR",
      description =
          "Manifests to apply once the cluster is ready (files, or directories of .yaml).")
  List<Path> manifests = new ArrayList<>();

  /** The release's namespace. */
  private static final String RELEASE_NAMESPACE = "knative-eventing";

  /** The control plane's Deployments {@code up} waits for. */
  private static final List<String> RELEASE_DEPLOYMENTS =
      List.of("eventing-webhook", "eventing-controller");

  @Override
  public Integer call() {
    // The in-JVM pods' Vert.x clients must resolve cluster names through the JDK, where the local
    // cluster's names live, and a name looked up before its Service exists must not stay unknown.
    System.setProperty("vertx.disableDnsResolver", "true");
    java.security.Security.setProperty("networkaddress.cache.negative.ttl", "0");
    PrintStream out =
        new PrintStream(new FileOutputStream(FileDescriptor.out), true, StandardCharsets.UTF_8);
    long started = System.nanoTime();
    Path dir = dataDirOption.path();
    Consumer<String> progress = step -> out.println("tributary: " + step);
    LocalCluster cluster;
    try {
      cluster =
          LocalCluster.start(
              dir,
              Clock.systemUTC(),
              new LocalCluster.Settings(port, !noHostExec, releaseRegistry()),
              progress);
    } catch (DataDirLockedException e) {
      out.println("tributary: " + e.getMessage());
      return 1;
    } catch (Exception e) {
      out.println("tributary: could not start: " + e.getMessage());
      if (port != 0 && String.valueOf(e.getMessage()).contains("Address already in use")) {
        out.println(
            "tributary: port "
                + port
                + " on 127.0.0.1 is taken (another cluster? `tributary status --data-dir DIR` tells);"
                + " choose another with --port, or --port 0 for any free one");
      }
      return 1;
    }
    Runtime.getRuntime()
        .addShutdownHook(
            new Thread(
                () -> {
                  out.println("tributary: stopping");
                  cluster.close();
                  out.println("tributary: stopped");
                },
                "tributary-up-shutdown"));
    try {
      ManifestApplier applier = new ManifestApplier(cluster.client(), Clock.systemUTC());
      if (!noRelease) {
        // Applied again on a restart only if this build's release differs from the one applied.
        boolean applied =
            !applier.applyUnlessApplied(releaseManifest(), dir.resolve(RELEASE_RECORD)).isEmpty();
        progress.accept(
            (applied ? "release applied" : "release unchanged since the last up")
                + "; waiting for the Knative control plane");
        applier.awaitAvailable(RELEASE_NAMESPACE, RELEASE_DEPLOYMENTS, RELEASE_TIMEOUT, progress);
      }
      for (Path manifest : manifests) {
        for (Path file : manifestFiles(manifest)) {
          applier.apply(Files.readString(file, StandardCharsets.UTF_8));
          progress.accept("applied " + file);
        }
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return 1;
    } catch (Exception e) {
      out.println("tributary: " + e.getMessage());
      out.println("tributary: the cluster keeps running; Ctrl-C stops it");
    }
    double seconds = (System.nanoTime() - started) / 1e9;
    out.println(
        "tributary: ready at "
            + cluster.controlPlane().url()
            + String.format(Locale.ROOT, " (%.1fs)", seconds));
    out.println("export KUBECONFIG=" + cluster.controlPlane().kubeconfig());
    try {
      new CountDownLatch(1).await();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    return 0;
  }

  private static final Duration RELEASE_TIMEOUT = Duration.ofSeconds(120);

  /**
   * The registry of this build's release images, which the kubelet runs in this JVM: read from the
   * release.yaml (the build may have set {@code image.registry}), else the default build's.
   */
  private String releaseRegistry() {
    if (noRelease) {
      return BuiltinImages.DEFAULT_RELEASE_REGISTRY;
    }
    try {
      return ReleaseImages.registryIn(releaseManifest())
          .orElse(BuiltinImages.DEFAULT_RELEASE_REGISTRY);
    } catch (IOException e) {
      return BuiltinImages.DEFAULT_RELEASE_REGISTRY; // applying the release reports it
    }
  }

  /** The data dir's record of the release last applied (its SHA-256). */
  private static final String RELEASE_RECORD = "release.sha256";

  /** The release.yaml the build wrote into this jar. */
  private static String releaseManifest() throws IOException {
    try (InputStream in = UpCommand.class.getResourceAsStream("/release.yaml")) {
      if (in == null) {
        throw new IOException("this build has no release.yaml (build dist with Maven)");
      }
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    }
  }

  /** {@code path} itself, or the .yaml/.yml/.json files of a directory, in name order. */
  private static List<Path> manifestFiles(Path path) throws IOException {
    if (!Files.isDirectory(path)) {
      return List.of(path);
    }
    try (Stream<Path> files = Files.list(path)) {
      return files.filter(f -> f.toString().matches(".*\\.(ya?ml|json)$")).sorted().toList();
    }
  }
}
