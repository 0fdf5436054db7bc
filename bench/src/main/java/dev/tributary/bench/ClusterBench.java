package dev.tributary.bench;

import io.fabric8.kubernetes.client.Config;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientBuilder;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

/**
 * What every phase of {@link LocalClusterBench} starts from: the launcher, a scratch directory (one
 * fresh data directory per {@code up}) and a fresh {@code HOME} for {@code up} and kubectl, so that
 * nothing of the user's (~/.tributary, ~/.kube) is read or written.
 *
 * @param launcher the {@code ./tributary} script
 * @param work scratch directory, deleted by the caller
 * @param javaHome the JDK the launcher runs (for jcmd)
 */
record ClusterBench(Path launcher, Path work, Path javaHome) {

  /** The fresh HOME. */
  Path home() throws IOException {
    return Files.createDirectories(work.resolve("home"));
  }

  /** Starts {@code up} on {@code work/dataDirName} (fresh unless an earlier run used it). */
  UpProcess up(String dataDirName) throws IOException {
    return up(dataDirName, Map.of());
  }

  /** As {@link #up(String)}, with {@code environment} added (e.g. {@code TRIBUTARY_JAVA_OPTS}). */
  UpProcess up(String dataDirName, Map<String, String> environment) throws IOException {
    Map<String, String> env = new java.util.HashMap<>(environment);
    env.put("HOME", home().toString());
    return UpProcess.start(launcher, work.resolve(dataDirName), env);
  }

  /** An admin fabric8 client of {@code up}'s cluster. */
  static KubernetesClient client(UpProcess up) throws IOException {
    Config config = Config.fromKubeconfig(Files.readString(up.kubeconfig()));
    return new KubernetesClientBuilder().withConfig(config).build();
  }

  /** kubectl against {@code up}'s cluster, with the fresh HOME. */
  KubectlRunner kubectl(UpProcess up) throws IOException {
    return new KubectlRunner(up.kubeconfig(), home());
  }

  /** The walkthrough's files, {@code examples/} beside the launcher. */
  Path examples() {
    return launcher.getParent().resolve("examples");
  }
}
