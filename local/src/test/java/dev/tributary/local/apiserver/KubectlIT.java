package dev.tributary.local.apiserver;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.tributary.local.apiserver.Kubectl.Result;
import java.nio.file.Files;
import java.nio.file.Path;
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

  @Test
  void customResourcesApplyConvertAndShowInCategories() throws Exception {
    Path crd = temp.resolve("pingsources-crd.yaml");
    try (var in = getClass().getResourceAsStream("/crds/pingsources.sources.knative.dev.yaml")) {
      Files.write(crd, in.readAllBytes());
    }
    Result crdApplied = kubectl("apply", "-f", crd.toString());
    assertThat(crdApplied.exitCode()).as(crdApplied.output()).isZero();
    assertThat(crdApplied.output())
        .contains(
            "customresourcedefinition.apiextensions.k8s.io/pingsources.sources.knative.dev created");

    Path ping = temp.resolve("pingsource.yaml");
    Files.writeString(
        ping,
        """
        apiVersion: sources.knative.dev/v1beta1
        kind: PingSource
        metadata:
          name: test-ping-source
        spec:
          schedule: "*/1 * * * *"
          jsonData: '{"message": "hello, world!"}'
          sink:
            ref:
              apiVersion: v1
              kind: Service
              name: event-display
        """);
    Result created = kubectl("apply", "-f", ping.toString());
    assertThat(created.exitCode()).as(created.output()).isZero();
    assertThat(created.output())
        .contains("pingsource.sources.knative.dev/test-ping-source created");
    Result unchanged = kubectl("apply", "-f", ping.toString());
    assertThat(unchanged.output())
        .as(unchanged.output())
        .contains("pingsource.sources.knative.dev/test-ping-source unchanged");

    JsonNode v1 =
        JSON.readTree(kubectl("get", "pingsource", "test-ping-source", "-o", "json").output());
    assertThat(v1.path("apiVersion").asText()).isEqualTo("sources.knative.dev/v1");
    assertThat(v1.path("spec").path("contentType").asText()).isEqualTo("application/json");
    JsonNode v1beta1 =
        JSON.readTree(
            kubectl(
                    "get",
                    "pingsources.v1beta1.sources.knative.dev",
                    "test-ping-source",
                    "-o",
                    "json")
                .output());
    assertThat(v1beta1.path("apiVersion").asText()).isEqualTo("sources.knative.dev/v1beta1");
    assertThat(v1beta1.path("spec").path("jsonData").asText())
        .isEqualTo("{\"message\": \"hello, world!\"}");

    Result columns = kubectl("get", "pingsource");
    assertThat(columns.output()).containsPattern("NAME +SINK +SCHEDULE +AGE +READY +REASON");
    Result sources = kubectl("get", "sources");
    assertThat(sources.exitCode()).as(sources.output()).isZero();
    // One kind in the category so far: kubectl prints no kind prefix.
    assertThat(sources.output()).contains("test-ping-source");
    Result all = kubectl("get", "all");
    assertThat(all.exitCode()).as(all.output()).isZero();
    assertThat(all.output()).contains("pingsource.sources.knative.dev/test-ping-source");

    Result deleted = kubectl("delete", "-f", ping.toString());
    assertThat(deleted.exitCode()).as(deleted.output()).isZero();
    assertThat(kubectl("get", "pingsource").output())
        .contains("No resources found in default namespace.");
  }

  @Test
  void reapplyingAChangedDeploymentPatchesItStrategically() throws Exception {
    Path file = temp.resolve("event-display.yaml");
    Files.copy(Path.of(examples(), "event-display.yaml"), file);
    Result created = kubectl("apply", "-f", file.toString());
    assertThat(created.exitCode()).as(created.output()).isZero();
    assertThat(created.output())
        .contains("deployment.apps/event-display created", "service/event-display created");
    assertThat(kubectl("apply", "-f", file.toString()).output())
        .contains("deployment.apps/event-display unchanged", "service/event-display unchanged");

    Files.writeString(file, Files.readString(file).replace("replicas: 1", "replicas: 2"));
    Result configured = kubectl("apply", "-f", file.toString());
    assertThat(configured.exitCode()).as(configured.output()).isZero();
    assertThat(configured.output())
        .contains("deployment.apps/event-display configured", "service/event-display unchanged");
    JsonNode deployment =
        JSON.readTree(kubectl("get", "deploy", "event-display", "-o", "json").output());
    assertThat(deployment.path("spec").path("replicas").asInt()).isEqualTo(2);
    assertThat(deployment.path("metadata").path("generation").asInt()).isEqualTo(2);
    assertThat(deployment.path("spec").path("template").path("spec").path("containers")).hasSize(1);

    Result table = kubectl("get", "deploy,svc");
    assertThat(table.output())
        .contains("READY", "UP-TO-DATE", "AVAILABLE", "TYPE", "CLUSTER-IP", "PORT(S)");

    Result deleted = kubectl("delete", "-f", file.toString());
    assertThat(deleted.exitCode()).as(deleted.output()).isZero();
  }

  @Test
  void theWalkthroughsRbacBindingIsRejectedAndTheCorrectedOneGrantsAccess() throws Exception {
    String asEventsSa = "--as=system:serviceaccount:default:events-sa";
    Result asWritten = kubectl("apply", "-f", Path.of(examples(), "rbac.yaml").toString());
    assertThat(asWritten.exitCode()).isNotZero();
    assertThat(asWritten.output())
        .contains("serviceaccount/events-sa created")
        .contains("clusterrole.rbac.authorization.k8s.io/event-watcher created")
        .contains("subjects[0].namespace: Required value");
    assertThat(kubectl("auth", "can-i", "list", "events", asEventsSa).output().trim())
        .isEqualTo("no");

    Result corrected =
        kubectl("apply", "-f", Path.of(examples(), "rbac-corrected.yaml").toString());
    assertThat(corrected.exitCode()).as(corrected.output()).isZero();
    assertThat(corrected.output())
        .contains("clusterrolebinding.rbac.authorization.k8s.io/k8s-ra-event-watcher created");
    assertThat(kubectl("auth", "can-i", "list", "events", asEventsSa).output().trim())
        .isEqualTo("yes");
    assertThat(kubectl("auth", "can-i", "delete", "events", asEventsSa).output().trim())
        .isEqualTo("no");

    Result denied = kubectl("get", "configmaps", asEventsSa);
    assertThat(denied.exitCode()).isNotZero();
    assertThat(denied.output())
        .contains(
            "Error from server (Forbidden): configmaps is forbidden: User"
                + " \"system:serviceaccount:default:events-sa\" cannot list resource \"configmaps\"");
  }

  private static String examples() {
    Path here = Path.of("").toAbsolutePath();
    Path dir = here.resolve("examples");
    return Files.isDirectory(dir)
        ? dir.toString()
        : here.getParent().resolve("examples").toString();
  }

  @Test
  void whoamiAndCanIAnswerForTheAdminAndForAnImpersonatedServiceAccount() throws Exception {
    Result whoami = kubectl("auth", "whoami", "-o", "json");
    assertThat(whoami.exitCode()).as(whoami.output()).isZero();
    JsonNode review = JSON.readTree(whoami.output());
    assertThat(review.path("kind").asText()).isEqualTo("SelfSubjectReview");
    assertThat(review.at("/status/userInfo/groups").toString()).contains("system:masters");

    Result impersonated =
        kubectl("auth", "whoami", "--as=system:serviceaccount:default:nobody", "-o", "json");
    assertThat(impersonated.exitCode()).as(impersonated.output()).isZero();
    assertThat(JSON.readTree(impersonated.output()).at("/status/userInfo/username").asText())
        .isEqualTo("system:serviceaccount:default:nobody");

    Result canI = kubectl("auth", "can-i", "create", "configmaps");
    assertThat(canI.output().strip()).isEqualTo("yes");
  }

  private static Result kubectl(String... args) throws Exception {
    return new Kubectl(home, cluster.kubeconfig).run(args);
  }
}
