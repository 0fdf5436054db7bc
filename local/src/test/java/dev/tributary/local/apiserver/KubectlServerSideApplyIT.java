package dev.tributary.local.apiserver;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.tributary.local.apiserver.Kubectl.Result;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code kubectl apply --server-side} by two field managers, with the real kubectl: conflicts,
 * {@code --force-conflicts}, removal of a field an applier drops, and the managers kubectl shows.
 * Skipped where kubectl is not installed.
 */
class KubectlServerSideApplyIT {

  private static final ObjectMapper JSON = new ObjectMapper();

  @TempDir static Path temp;
  private static TestCluster cluster;
  private static Path home;

  @BeforeAll
  static void start() throws Exception {
    assumeTrue(Kubectl.installed(), "kubectl is not installed");
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
  void twoManagersConflictForceTakesOverAndADroppedFieldIsRemoved() throws Exception {
    Path byA =
        file(
            "a.yaml",
            """
            apiVersion: apps/v1
            kind: Deployment
            metadata:
              name: web
              namespace: default
              labels:
                tier: front
            spec:
              replicas: 2
              selector:
                matchLabels:
                  app: web
              template:
                metadata:
                  labels:
                    app: web
                spec:
                  containers:
                  - name: nginx
                    image: nginx:1.25
                    ports:
                    - containerPort: 80
            """);
    Result created = kubectl("apply", "--server-side", "--field-manager=a", "-f", byA.toString());
    assertThat(created.exitCode()).as(created.output()).isZero();
    assertThat(created.output()).contains("deployment.apps/web serverside-applied");

    Path byB =
        file(
            "b.yaml",
            """
            apiVersion: apps/v1
            kind: Deployment
            metadata:
              name: web
              namespace: default
            spec:
              replicas: 3
            """);
    Result conflict = kubectl("apply", "--server-side", "--field-manager=b", "-f", byB.toString());
    assertThat(conflict.exitCode()).as(conflict.output()).isNotZero();
    assertThat(conflict.output())
        .contains("Apply failed with 1 conflict: conflict with \"a\": .spec.replicas");
    assertThat(deployment().path("spec").path("replicas").asInt()).isEqualTo(2);

    Result forced =
        kubectl(
            "apply",
            "--server-side",
            "--field-manager=b",
            "--force-conflicts",
            "-f",
            byB.toString());
    assertThat(forced.exitCode()).as(forced.output()).isZero();
    assertThat(deployment().path("spec").path("replicas").asInt()).isEqualTo(3);

    Result managed =
        kubectl("get", "deploy", "web", "-n", "default", "-o", "yaml", "--show-managed-fields");
    assertThat(managed.exitCode()).as(managed.output()).isZero();
    assertThat(managed.output())
        .contains("manager: a")
        .contains("manager: b")
        .contains("operation: Apply")
        .contains("f:replicas: {}")
        .contains("k:{\"name\":\"nginx\"}:");
    Result hidden = kubectl("get", "deploy", "web", "-n", "default", "-o", "yaml");
    assertThat(hidden.output()).doesNotContain("managedFields");

    // a no longer applies the label nor the replicas: the label, a's alone, goes; the replicas,
    // b's now, stay.
    Path again =
        file(
            "a2.yaml",
            Files.readString(byA)
                .replace("  labels:\n    tier: front\n", "")
                .replace("  replicas: 2\n", ""));
    Result reapplied =
        kubectl("apply", "--server-side", "--field-manager=a", "-f", again.toString());
    assertThat(reapplied.exitCode()).as(reapplied.output()).isZero();
    JsonNode after = deployment();
    assertThat(
            after.path("metadata").has("labels")
                && after.path("metadata").path("labels").has("tier"))
        .as(after.toString())
        .isFalse();
    assertThat(after.path("spec").path("replicas").asInt()).isEqualTo(3);
    assertThat(
            after
                .path("spec")
                .path("template")
                .path("spec")
                .path("containers")
                .get(0)
                .path("image")
                .asText())
        .isEqualTo("nginx:1.25");
  }

  @Test
  void aClientSideAppliedObjectMovesToServerSideApplyWithoutConflicts() throws Exception {
    String config =
        """
        apiVersion: v1
        kind: ConfigMap
        metadata:
          name: migrated
          namespace: default
        data:
          mode: %s
        """;
    Path first = file("csa.yaml", config.formatted("one"));
    Result clientSide = kubectl("apply", "-f", first.toString());
    assertThat(clientSide.exitCode()).as(clientSide.output()).isZero();

    Path second = file("ssa.yaml", config.formatted("two"));
    Result serverSide = kubectl("apply", "--server-side", "-f", second.toString());
    assertThat(serverSide.exitCode()).as(serverSide.output()).isZero();

    Result json =
        kubectl("get", "cm", "migrated", "-n", "default", "-o", "json", "--show-managed-fields");
    JsonNode object = JSON.readTree(json.output());
    assertThat(object.path("data").path("mode").asText()).isEqualTo("two");
    List<String> managers = new ArrayList<>();
    object
        .path("metadata")
        .path("managedFields")
        .forEach(
            e -> managers.add(e.path("manager").asText() + "/" + e.path("operation").asText()));
    // kubectl moved the client-side applier's fields to its server-side manager, and the server
    // keeps the last-applied annotation in step with what kubectl applied.
    assertThat(managers)
        .contains("kubectl/Apply")
        .doesNotContain("kubectl-client-side-apply/Update");
    assertThat(
            object
                .path("metadata")
                .path("annotations")
                .path("kubectl.kubernetes.io/last-applied-configuration")
                .asText())
        .contains("\"mode\":\"two\"");
  }

  private static JsonNode deployment() throws Exception {
    Result json = kubectl("get", "deploy", "web", "-n", "default", "-o", "json");
    assertThat(json.exitCode()).as(json.output()).isZero();
    return JSON.readTree(json.output());
  }

  private static Path file(String name, String content) throws Exception {
    return Files.writeString(temp.resolve(name), content);
  }

  private static Result kubectl(String... args) throws Exception {
    return new Kubectl(home, cluster.kubeconfig).run(args);
  }
}
