package dev.tributary.local.apiserver;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.tributary.local.apiserver.Kubectl.Result;
import io.kubernetes.client.proto.Meta.ObjectMeta;
import io.kubernetes.client.proto.Runtime.TypeMeta;
import io.kubernetes.client.proto.Runtime.Unknown;
import io.kubernetes.client.proto.V1;
import java.io.ByteArrayOutputStream;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Kubernetes protobuf request bodies: the real kubectl's typed {@code create} commands (which send
 * protobuf) against the server, then {@code kubectl get -o json} to see what was stored; and the
 * 400/406/415 answers over plain HTTP. The kubectl tests are skipped where kubectl is not
 * installed.
 */
class ProtobufIT {

  private static final ObjectMapper JSON = new ObjectMapper();
  private static final String PROTOBUF = "application/vnd.kubernetes.protobuf";

  @TempDir static Path temp;
  private static TestCluster cluster;
  private static Path home;

  @BeforeAll
  static void start() throws Exception {
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
  void kubectlCreatesCoreKinds() throws Exception {
    assumeTrue(Kubectl.installed(), "kubectl is not installed");
    Path binary = temp.resolve("blob.bin");
    Files.write(binary, new byte[] {(byte) 0xff, (byte) 0xfe, 0, 1});

    ok("create", "namespace", "proto-core");
    ok(
        "create",
        "configmap",
        "settings",
        "-n",
        "proto-core",
        "--from-literal=greeting=hello",
        "--from-file=blob=" + binary);
    ok(
        "create",
        "secret",
        "generic",
        "creds",
        "-n",
        "proto-core",
        "--from-literal=password=s3cr=t");
    ok("create", "serviceaccount", "builder", "-n", "proto-core");
    ok("create", "service", "clusterip", "web", "-n", "proto-core", "--tcp=80:8080");

    JsonNode namespace = get("namespace", "proto-core");
    assertThat(namespace.path("metadata").path("uid").asText()).isNotEmpty();
    assertThat(namespace.path("status").path("phase").asText()).isEqualTo("Active");

    JsonNode configMap = get("configmap", "settings", "-n", "proto-core");
    assertThat(configMap.path("data").path("greeting").asText()).isEqualTo("hello");
    assertThat(configMap.path("binaryData").path("blob").asText()).isEqualTo("//4AAQ==");
    assertThat(configMap.path("metadata").has("generateName")).isFalse();

    // kubectl leaves the type to the server's defaulting.
    JsonNode secret = get("secret", "creds", "-n", "proto-core");
    assertThat(secret.path("type").asText()).isEqualTo("Opaque");
    assertThat(secret.path("data").path("password").asText()).isEqualTo("czNjcj10");

    assertThat(get("serviceaccount", "builder", "-n", "proto-core").path("kind").asText())
        .isEqualTo("ServiceAccount");

    JsonNode service = get("service", "web", "-n", "proto-core");
    assertThat(service.path("spec").path("type").asText()).isEqualTo("ClusterIP");
    JsonNode port = service.path("spec").path("ports").get(0);
    assertThat(port.path("port").asInt()).isEqualTo(80);
    assertThat(port.path("targetPort").asInt()).isEqualTo(8080);
    assertThat(port.path("protocol").asText()).isEqualTo("TCP");
    assertThat(service.path("spec").path("selector").path("app").asText()).isEqualTo("web");
  }

  @Test
  void kubectlCreatesWorkloads() throws Exception {
    assumeTrue(Kubectl.installed(), "kubectl is not installed");
    ok("create", "deployment", "web", "--image=nginx:1.27", "--replicas=3", "--port=80");
    ok("create", "job", "once", "--image=busybox", "--", "date");
    ok("create", "cronjob", "tick", "--image=busybox", "--schedule=*/5 * * * *", "--", "date");

    JsonNode deployment = get("deployment", "web");
    assertThat(deployment.path("apiVersion").asText()).isEqualTo("apps/v1");
    assertThat(deployment.path("spec").path("replicas").asInt()).isEqualTo(3);
    assertThat(deployment.path("spec").path("selector").path("matchLabels").path("app").asText())
        .isEqualTo("web");
    JsonNode container =
        deployment.path("spec").path("template").path("spec").path("containers").get(0);
    assertThat(container.path("name").asText()).isEqualTo("nginx");
    assertThat(container.path("image").asText()).isEqualTo("nginx:1.27");
    assertThat(container.path("ports").get(0).path("containerPort").asInt()).isEqualTo(80);
    assertThat(container.path("resources").isObject()).isTrue();
    assertThat(deployment.path("metadata").path("generation").asInt()).isEqualTo(1);

    JsonNode job = get("job", "once");
    JsonNode jobContainer =
        job.path("spec").path("template").path("spec").path("containers").get(0);
    assertThat(jobContainer.path("command").toString()).isEqualTo("[\"date\"]");
    assertThat(job.path("spec").path("template").path("spec").path("restartPolicy").asText())
        .isEqualTo("Never");

    JsonNode cronJob = get("cronjob", "tick");
    assertThat(cronJob.path("spec").path("schedule").asText()).isEqualTo("*/5 * * * *");
    assertThat(
            cronJob
                .path("spec")
                .path("jobTemplate")
                .path("spec")
                .path("template")
                .path("spec")
                .path("containers")
                .get(0)
                .path("image")
                .asText())
        .isEqualTo("busybox");
  }

  @Test
  void kubectlCreatesRbacAndAuthCanIReadsIt() throws Exception {
    assumeTrue(Kubectl.installed(), "kubectl is not installed");
    ok("create", "role", "pod-reader", "--verb=get,list", "--resource=pods");
    ok("create", "rolebinding", "read-pods", "--role=pod-reader", "--user=alice");
    ok("create", "clusterrole", "cm-reader", "--verb=get", "--resource=configmaps");
    ok(
        "create",
        "clusterrolebinding",
        "read-cms",
        "--clusterrole=cm-reader",
        "--user=bob",
        "--serviceaccount=default:builder");

    JsonNode role = get("role", "pod-reader");
    assertThat(role.path("rules").get(0).path("verbs").toString()).isEqualTo("[\"get\",\"list\"]");
    assertThat(role.path("rules").get(0).path("resources").toString()).isEqualTo("[\"pods\"]");
    JsonNode binding = get("clusterrolebinding", "read-cms");
    assertThat(binding.path("roleRef").path("name").asText()).isEqualTo("cm-reader");
    assertThat(binding.path("subjects"))
        .isEqualTo(
            JSON.readTree(
                """
                [{"kind":"User","apiGroup":"rbac.authorization.k8s.io","name":"bob"},
                 {"kind":"ServiceAccount","name":"builder","namespace":"default"}]
                """));

    assertThat(kubectl("auth", "can-i", "list", "pods", "--as=alice").output().trim())
        .isEqualTo("yes");
    assertThat(kubectl("auth", "can-i", "delete", "pods", "--as=alice").output().trim())
        .isEqualTo("no");
    assertThat(kubectl("auth", "can-i", "get", "configmaps", "--as=bob").output().trim())
        .isEqualTo("yes");
    assertThat(kubectl("auth", "can-i", "create", "configmaps").output().trim()).isEqualTo("yes");
  }

  @Test
  void aKindWithoutAProtobufFormIs415() throws Exception {
    HttpResponse<String> response =
        post(
            "/apis/coordination.k8s.io/v1/namespaces/default/leases",
            "coordination.k8s.io/v1",
            "Lease");

    assertThat(response.statusCode()).isEqualTo(415);
    JsonNode status = JSON.readTree(response.body());
    assertThat(status.path("kind").asText()).isEqualTo("Status");
    assertThat(status.path("reason").asText()).isEqualTo("UnsupportedMediaType");
    assertThat(status.path("message").asText()).contains("Kind=Lease");
  }

  @Test
  void aMalformedBodyIs400() throws Exception {
    HttpResponse<String> response =
        cluster.send(
            cluster
                .request("/api/v1/namespaces/default/configmaps")
                .header("Content-Type", PROTOBUF)
                .POST(
                    HttpRequest.BodyPublishers.ofByteArray(
                        new byte[] {'k', '8', 's', 0, 0x12, 0x7f}))
                .build());

    assertThat(response.statusCode()).isEqualTo(400);
    JsonNode status = JSON.readTree(response.body());
    assertThat(status.path("reason").asText()).isEqualTo("BadRequest");
    assertThat(status.path("message").asText()).contains("protobuf");
  }

  @Test
  void aProtobufBodyIsAnsweredInJsonUnlessOnlyProtobufIsAccepted() throws Exception {
    HttpResponse<String> created = post("/api/v1/namespaces/default/configmaps", "v1", "ConfigMap");
    assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
    assertThat(created.headers().firstValue("Content-Type").orElse(""))
        .startsWith("application/json");
    assertThat(JSON.readTree(created.body()).path("data").path("k").asText()).isEqualTo("v");

    HttpResponse<String> refused =
        cluster.send(
            cluster
                .request("/api/v1/namespaces/default/configmaps/from-http")
                .header("Accept", PROTOBUF)
                .GET()
                .build());
    assertThat(refused.statusCode()).isEqualTo(406);
    JsonNode status = JSON.readTree(refused.body());
    assertThat(status.path("reason").asText()).isEqualTo("NotAcceptable");
    assertThat(status.path("message").asText())
        .isEqualTo("only the following media types are accepted: application/json");
  }

  /** POSTs a {@code kind} named from-http with data k=v (for a ConfigMap) in protobuf. */
  private static HttpResponse<String> post(String path, String apiVersion, String kind)
      throws Exception {
    V1.ConfigMap object =
        V1.ConfigMap.newBuilder()
            .setMetadata(ObjectMeta.newBuilder().setName("from-http"))
            .putData("k", "v")
            .build();
    Unknown envelope =
        Unknown.newBuilder()
            .setTypeMeta(TypeMeta.newBuilder().setApiVersion(apiVersion).setKind(kind))
            .setRaw(object.toByteString())
            .build();
    ByteArrayOutputStream body = new ByteArrayOutputStream();
    body.writeBytes(new byte[] {'k', '8', 's', 0});
    body.writeBytes(envelope.toByteArray());
    return cluster.send(
        cluster
            .request(path)
            .header("Content-Type", PROTOBUF)
            .header("Accept", PROTOBUF + ",application/json")
            .POST(HttpRequest.BodyPublishers.ofByteArray(body.toByteArray()))
            .build());
  }

  private static JsonNode get(String... args) throws Exception {
    List<String> command = new ArrayList<>(List.of("get"));
    command.addAll(Arrays.asList(args));
    command.addAll(List.of("-o", "json"));
    Result result = kubectl(command.toArray(String[]::new));
    assertThat(result.exitCode()).as(result.output()).isZero();
    return JSON.readTree(result.output());
  }

  private static void ok(String... args) throws Exception {
    Result result = kubectl(args);
    assertThat(result.exitCode()).as(String.join(" ", args) + ": " + result.output()).isZero();
  }

  private static Result kubectl(String... args) throws Exception {
    return new Kubectl(home, cluster.kubeconfig).run(args);
  }
}
