package dev.tributary.local.clients;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.fail;
import static org.junit.jupiter.api.Assumptions.assumeFalse;

import dev.tributary.local.apiserver.TestCluster;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The Python Kubernetes client (python3-kubernetes 22.6, the typed models, watch, utils) against
 * the server: each test runs one script of {@code src/test/resources/python} with a fresh HOME and
 * KUBECONFIG set to the cluster's; the script asserts what the client sees and prints "OK" last.
 *
 * <p>Fails (does not skip) when no python3 can import {@code kubernetes}, unless {@value
 * PythonKubernetesClient#SKIP_VARIABLE}=1.
 */
class PythonClientIT {

  private static final List<String> SCRIPTS =
      List.of(
          "kube_it.py",
          "configmaps.py",
          "deployment.py",
          "custom_objects.py",
          "watch_configmaps.py",
          "access_review.py",
          "create_from_yaml.py");

  private static final List<String> SOURCE_CRDS =
      List.of(
          "pingsources.sources.knative.dev.yaml",
          "apiserversources.sources.knative.dev.yaml",
          "containersources.sources.knative.dev.yaml",
          "sinkbindings.sources.knative.dev.yaml");

  @TempDir static Path temp;
  private static Path python;
  private static Path scripts;
  private static TestCluster cluster;
  private static ClientProcesses processes;

  @BeforeAll
  static void start() throws Exception {
    assumeFalse(
        "1".equals(System.getenv(PythonKubernetesClient.SKIP_VARIABLE)),
        PythonKubernetesClient.SKIP_VARIABLE + "=1");
    Optional<Path> found = PythonKubernetesClient.interpreter(System.getenv("PATH"));
    if (found.isEmpty()) {
      fail(PythonKubernetesClient.MISSING);
    }
    python = found.get();
    scripts = Files.createDirectories(temp.resolve("python"));
    for (String script : SCRIPTS) {
      copyResource("/python/" + script, scripts.resolve(script));
    }
    cluster = TestCluster.start(temp.resolve("data"));
    processes = new ClientProcesses(temp.resolve("home"), cluster.kubeconfig);
  }

  @AfterAll
  static void stop() throws Exception {
    try {
      if (processes != null) {
        processes.close();
      }
    } finally {
      if (cluster != null) {
        cluster.close();
      }
    }
  }

  @Test
  void configMapsCrudPatchesSelectorsAndErrors() throws Exception {
    runScript("configmaps.py");
  }

  @Test
  void typedDeploymentRoundTrips() throws Exception {
    runScript("deployment.py");
  }

  @Test
  void customObjectsOnTheKnativeCrdsWithConversion() throws Exception {
    List<String> crds = new ArrayList<>();
    for (String crd : SOURCE_CRDS) {
      Path file = temp.resolve(crd);
      copyResource("/crds/" + crd, file);
      crds.add(file.toString());
    }
    runScript("custom_objects.py", crds.toArray(String[]::new));
  }

  @Test
  void watchStreamsChangesAndResumes() throws Exception {
    runScript("watch_configmaps.py");
  }

  @Test
  void accessReviews() throws Exception {
    runScript("access_review.py");
  }

  @Test
  void createFromYamlAppliesTheWalkthroughsEventDisplay() throws Exception {
    runScript("create_from_yaml.py", Examples.file("event-display.yaml").toString());
  }

  private static void runScript(String script, String... args) throws Exception {
    // run from the copies: a script imports kube_it.py from its own directory
    List<String> command =
        new ArrayList<>(List.of(python.toString(), scripts.resolve(script).toString()));
    command.addAll(List.of(args));

    ClientProcesses.Result result = processes.run(command);

    assertThat(result.exitCode()).as(result.output()).isZero();
    assertThat(result.output()).contains("OK " + script);
  }

  private static void copyResource(String resource, Path target) throws IOException {
    try (InputStream in = PythonClientIT.class.getResourceAsStream(resource)) {
      if (in == null) {
        throw new IOException("no test resource " + resource);
      }
      Files.copy(in, target);
    }
  }
}
