package dev.tributary.local.apiserver;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.File;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The real kubectl (Go client, the dispatcher on PATH) against the server, with a fresh HOME so no
 * cache plays a part. Skipped where kubectl is not installed.
 */
class KubectlIT {

  private static final ObjectMapper JSON = new ObjectMapper();

  @TempDir static Path temp;
  private static TestCluster cluster;
  private static Path home;

  @BeforeAll
  static void start() throws Exception {
    assumeTrue(onPath("kubectl"), "kubectl is not installed");
    cluster = TestCluster.start(temp.resolve("data"));
    home = Files.createDirectories(temp.resolve("home"));
  }

  @AfterAll
  static void stop() throws Exception {
    if (cluster != null) {
      cluster.close();
    }
  }

  @Test
  void getNamespacesListsTheInitialOnes() throws Exception {
    Result result = kubectl("get", "ns");

    assertThat(result.exitCode()).as(result.output()).isZero();
    assertThat(result.output())
        .contains("NAME")
        .contains("default")
        .contains("kube-system")
        .contains("knative-eventing");
  }

  @Test
  void applyTwiceCreatesThenLeavesUnchangedThenDeleteRemoves() throws Exception {
    Path file = temp.resolve("cm.yaml");
    Files.writeString(
        file,
        """
        apiVersion: v1
        kind: ConfigMap
        metadata:
          name: applied
          labels:
            app: demo
        data:
          greeting: hello
        """);

    Result first = kubectl("apply", "-f", file.toString());
    assertThat(first.exitCode()).as(first.output()).isZero();
    assertThat(first.output()).contains("configmap/applied created");

    Result second = kubectl("apply", "-f", file.toString());
    assertThat(second.exitCode()).as(second.output()).isZero();
    assertThat(second.output()).contains("configmap/applied unchanged");

    Result json = kubectl("get", "cm", "applied", "-o", "json");
    assertThat(json.exitCode()).as(json.output()).isZero();
    JsonNode object = JSON.readTree(json.output());
    assertThat(object.path("data").path("greeting").asText()).isEqualTo("hello");
    assertThat(
            object
                .path("metadata")
                .path("annotations")
                .path("kubectl.kubernetes.io/last-applied-configuration")
                .asText())
        .contains("\"greeting\":\"hello\"");

    Result list = kubectl("get", "cm", "-l", "app=demo", "-o", "name");
    assertThat(list.output().trim()).isEqualTo("configmap/applied");

    Result delete = kubectl("delete", "-f", file.toString());
    assertThat(delete.exitCode()).as(delete.output()).isZero();
    assertThat(delete.output()).contains("configmap \"applied\" deleted");

    Result missing = kubectl("get", "cm", "applied");
    assertThat(missing.exitCode()).isNotZero();
    assertThat(missing.output())
        .contains("Error from server (NotFound): configmaps \"applied\" not found");
  }

  @Test
  void createExistingPrintsAlreadyExists() throws Exception {
    Path file = temp.resolve("twice.yaml");
    Files.writeString(
        file,
        """
        apiVersion: v1
        kind: ConfigMap
        metadata:
          name: twice
        """);
    Result first = kubectl("create", "-f", file.toString());
    assertThat(first.exitCode()).as(first.output()).isZero();

    Result again = kubectl("create", "-f", file.toString());

    assertThat(again.exitCode()).isNotZero();
    assertThat(again.output())
        .contains("Error from server (AlreadyExists): error when creating")
        .contains("configmaps \"twice\" already exists");
  }

  private record Result(int exitCode, String output) {}

  private static Result kubectl(String... args) throws Exception {
    List<String> command = new ArrayList<>();
    command.add("kubectl");
    command.addAll(Arrays.asList(args));
    ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true);
    Map<String, String> env = builder.environment();
    env.put("HOME", home.toString());
    env.put("KUBECONFIG", cluster.kubeconfig.toString());
    Process process = builder.start();
    process.getOutputStream().close();
    String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    assertThat(process.waitFor(60, TimeUnit.SECONDS)).isTrue();
    return new Result(process.exitValue(), output);
  }

  private static boolean onPath(String program) {
    String path = System.getenv("PATH");
    return path != null
        && Arrays.stream(path.split(File.pathSeparator))
            .anyMatch(d -> Files.isExecutable(Path.of(d, program)));
  }
}
