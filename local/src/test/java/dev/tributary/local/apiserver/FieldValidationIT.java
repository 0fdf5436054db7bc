package dev.tributary.local.apiserver;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.tributary.local.apiserver.Kubectl.Result;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Built-in kinds are decoded as their Go types: wrong JSON types are refused as kube-apiserver
 * refuses them, unknown fields are dropped and, per {@code fieldValidation}, refused, warned about
 * or ignored; over raw HTTP and with the real kubectl (whose default is {@code --validate=strict}).
 */
class FieldValidationIT {

  private static final ObjectMapper JSON = new ObjectMapper();
  private static final String CONFIGMAPS = "/api/v1/namespaces/default/configmaps";
  private static final String DEPLOYMENTS = "/apis/apps/v1/namespaces/default/deployments";

  @TempDir static Path temp;
  private static TestCluster cluster;

  @BeforeAll
  static void start() throws Exception {
    cluster = TestCluster.start(temp.resolve("data"));
  }

  @AfterAll
  static void stop() throws Exception {
    if (cluster != null) {
      cluster.close();
    }
  }

  private static String deployment(String name, String extraSpec) {
    return ("{'apiVersion':'apps/v1','kind':'Deployment','metadata':{'name':'NAME'},"
            + "'spec':{EXTRA'selector':{'matchLabels':{'app':'NAME'}},"
            + "'template':{'metadata':{'labels':{'app':'NAME'}},"
            + "'spec':{'containers':[{'name':'c','image':'nginx'}]}}}}")
        .replace("NAME", name)
        .replace("EXTRA", extraSpec)
        .replace('\'', '"');
  }

  private static HttpResponse<String> post(String path, String body) throws Exception {
    return cluster.send(
        cluster
            .request(path)
            .header("Content-Type", "application/json")
            .POST(HttpRequest.BodyPublishers.ofString(body))
            .build());
  }

  private static HttpResponse<String> patch(String path, String body) throws Exception {
    return cluster.send(
        cluster
            .request(path)
            .header("Content-Type", "application/merge-patch+json")
            .method("PATCH", HttpRequest.BodyPublishers.ofString(body))
            .build());
  }

  private static JsonNode json(HttpResponse<String> response) throws Exception {
    return JSON.readTree(response.body());
  }

  @Test
  void aWrongTypeIsABadRequestNamingTheGoField() throws Exception {
    HttpResponse<String> response =
        post(
            CONFIGMAPS,
            "{\"apiVersion\":\"v1\",\"kind\":\"ConfigMap\",\"metadata\":{\"name\":\"num\"},"
                + "\"data\":{\"a\":1}}");

    assertThat(response.statusCode()).isEqualTo(400);
    JsonNode status = json(response);
    assertThat(status.path("reason").asText()).isEqualTo("BadRequest");
    assertThat(status.path("message").asText())
        .isEqualTo(
            "ConfigMap in version \"v1\" cannot be handled as a ConfigMap: json: cannot unmarshal"
                + " number into Go struct field ConfigMap.data of type string");
    assertThat(cluster.get(CONFIGMAPS + "/num").statusCode()).isEqualTo(404);
  }

  @Test
  void strictRefusesUnknownFieldsWithTheirPaths() throws Exception {
    HttpResponse<String> response =
        post(
            DEPLOYMENTS + "?fieldValidation=Strict",
            deployment("strict", "'foo':1,").replace("\"image\"", "\"bar\":true,\"image\""));

    assertThat(response.statusCode()).isEqualTo(400);
    assertThat(json(response).path("message").asText())
        .isEqualTo(
            "Deployment in version \"v1\" cannot be handled as a Deployment: strict decoding"
                + " error: unknown field \"spec.foo\", unknown field"
                + " \"spec.template.spec.containers[0].bar\"");
    assertThat(cluster.get(DEPLOYMENTS + "/strict").statusCode()).isEqualTo(404);
  }

  @Test
  void warnIsTheDefaultAndDropsTheFieldsWithAWarningEach() throws Exception {
    for (String query : List.of("?fieldValidation=Warn", "")) {
      String name = query.isEmpty() ? "default-warn" : "warn";
      HttpResponse<String> response = post(DEPLOYMENTS + query, deployment(name, "'foo':1,"));

      assertThat(response.statusCode()).as(response.body()).isEqualTo(201);
      assertThat(response.headers().allValues("Warning"))
          .containsExactly("299 - \"unknown field \\\"spec.foo\\\"\"");
      JsonNode stored = json(cluster.get(DEPLOYMENTS + "/" + name));
      assertThat(stored.path("spec").has("foo")).isFalse();
      assertThat(stored.path("metadata").path("generation").asInt()).isEqualTo(1);
    }
  }

  @Test
  void ignoreDropsSilently() throws Exception {
    HttpResponse<String> response =
        post(DEPLOYMENTS + "?fieldValidation=Ignore", deployment("ignore", "'foo':1,"));

    assertThat(response.statusCode()).isEqualTo(201);
    assertThat(response.headers().allValues("Warning")).isEmpty();
    assertThat(json(response).path("spec").has("foo")).isFalse();
  }

  @Test
  void anUnknownDirectiveIsInvalid() throws Exception {
    HttpResponse<String> response =
        post(DEPLOYMENTS + "?fieldValidation=Loose", deployment("loose", ""));

    assertThat(response.statusCode()).isEqualTo(422);
    assertThat(json(response).path("message").asText())
        .isEqualTo(
            "CreateOptions.meta.k8s.io \"\" is invalid: fieldValidation: Unsupported value:"
                + " \"Loose\": supported values: \"\", \"Ignore\", \"Strict\", \"Warn\"");
  }

  @Test
  void aPatchedResultIsDecodedToo() throws Exception {
    assertThat(post(DEPLOYMENTS, deployment("patched", "")).statusCode()).isEqualTo(201);
    String path = DEPLOYMENTS + "/patched";

    HttpResponse<String> strict = patch(path + "?fieldValidation=Strict", "{\"spec\":{\"foo\":1}}");
    assertThat(strict.statusCode()).isEqualTo(400);
    assertThat(json(strict).path("message").asText())
        .isEqualTo("strict decoding error: unknown field \"spec.foo\"");

    HttpResponse<String> wrongType = patch(path, "{\"spec\":{\"replicas\":\"two\"}}");
    assertThat(wrongType.statusCode()).isEqualTo(422);
    JsonNode status = json(wrongType);
    assertThat(status.path("reason").asText()).isEqualTo("Invalid");
    assertThat(status.path("details").path("causes").get(0).path("field").asText())
        .isEqualTo("patch");
    assertThat(status.path("message").asText())
        .startsWith(" \"\" is invalid: patch: Invalid value: \"{")
        .endsWith(
            ": json: cannot unmarshal string into Go struct field DeploymentSpec.spec.replicas"
                + " of type int32");

    HttpResponse<String> warned = patch(path, "{\"spec\":{\"foo\":1,\"replicas\":3}}");
    assertThat(warned.statusCode()).isEqualTo(200);
    assertThat(warned.headers().allValues("Warning"))
        .containsExactly("299 - \"unknown field \\\"spec.foo\\\"\"");
    assertThat(json(warned).path("spec").path("replicas").asInt()).isEqualTo(3);
    assertThat(json(warned).path("spec").has("foo")).isFalse();
  }

  @Test
  void onlyKindsWhoseStrategyKeepsOneHaveAGeneration() throws Exception {
    HttpResponse<String> configMap =
        post(CONFIGMAPS, "{\"metadata\":{\"name\":\"plain\"},\"data\":{\"a\":\"b\"}}");
    assertThat(configMap.statusCode()).isEqualTo(201);
    assertThat(json(configMap).path("metadata").has("generation")).isFalse();

    HttpResponse<String> changed = patch(CONFIGMAPS + "/plain", "{\"data\":{\"a\":\"c\"}}");
    assertThat(json(changed).path("metadata").has("generation")).isFalse();

    HttpResponse<String> deployment = post(DEPLOYMENTS, deployment("generational", ""));
    assertThat(json(deployment).path("metadata").path("generation").asInt()).isEqualTo(1);
  }

  @Test
  void customResourcesHonourTheDirectiveToo() throws Exception {
    String crd =
        """
        {"apiVersion":"apiextensions.k8s.io/v1","kind":"CustomResourceDefinition",
         "metadata":{"name":"gadgets.typed.example"},
         "spec":{"group":"typed.example","scope":"Namespaced",
          "names":{"kind":"Gadget","plural":"gadgets","singular":"gadget"},
          "versions":[{"name":"v1","served":true,"storage":true,"schema":{"openAPIV3Schema":
           {"type":"object","properties":{"spec":{"type":"object",
            "properties":{"size":{"type":"integer"}}}}}}}]}}
        """;
    assertThat(post("/apis/apiextensions.k8s.io/v1/customresourcedefinitions", crd).statusCode())
        .isEqualTo(201);
    String gadgets = "/apis/typed.example/v1/namespaces/default/gadgets";
    String gadget =
        "{\"apiVersion\":\"typed.example/v1\",\"kind\":\"Gadget\",\"metadata\":{\"name\":\"NAME\"},"
            + "\"spec\":{\"size\":1,\"colour\":\"red\"}}";
    HttpResponse<String> strict = awaitServed(gadgets, gadget.replace("NAME", "g1"));

    assertThat(strict.statusCode()).isEqualTo(400);
    assertThat(json(strict).path("message").asText())
        .isEqualTo(
            "Gadget in version \"v1\" cannot be handled as a Gadget: strict decoding error:"
                + " unknown field \"spec.colour\"");

    HttpResponse<String> warned = post(gadgets, gadget.replace("NAME", "g2"));
    assertThat(warned.statusCode()).isEqualTo(201);
    assertThat(warned.headers().allValues("Warning"))
        .containsExactly("299 - \"unknown field \\\"spec.colour\\\"\"");
    assertThat(json(warned).path("spec").has("colour")).isFalse();
  }

  /** POSTs with fieldValidation=Strict once the new CRD's resource is served. */
  private static HttpResponse<String> awaitServed(String path, String body) throws Exception {
    HttpResponse<String>[] last = new HttpResponse[1];
    org.awaitility.Awaitility.await()
        .atMost(java.time.Duration.ofSeconds(10))
        .until(() -> (last[0] = post(path + "?fieldValidation=Strict", body)).statusCode() != 404);
    return last[0];
  }

  @Test
  void kubectlApplyIsStrictByDefaultAndDropsWithValidateFalse() throws Exception {
    assumeTrue(Kubectl.installed(), "kubectl is not installed");
    Path file = temp.resolve("typo.yaml");
    Files.writeString(
        file,
        """
        apiVersion: apps/v1
        kind: Deployment
        metadata:
          name: typo
        spec:
          selector:
            matchLabels:
              app: typo
          template:
            metadata:
              labels:
                app: typo
            spec:
              containers:
              - name: c
                image: nginx
                imagePullPolicyy: Always
        """);

    Result strict = kubectl("apply", "-f", file.toString());
    assertThat(strict.exitCode()).isNotZero();
    assertThat(strict.output())
        .contains(
            "Error from server (BadRequest): error when creating \""
                + file
                + "\": Deployment in version \"v1\" cannot be handled as a Deployment: strict"
                + " decoding error: unknown field"
                + " \"spec.template.spec.containers[0].imagePullPolicyy\"");
    assertThat(cluster.get(DEPLOYMENTS + "/typo").statusCode()).isEqualTo(404);

    Result lenient = kubectl("apply", "--validate=false", "-f", file.toString());
    assertThat(lenient.exitCode()).as(lenient.output()).isZero();
    assertThat(lenient.output()).contains("deployment.apps/typo created");
    JsonNode stored = json(cluster.get(DEPLOYMENTS + "/typo"));
    assertThat(stored.at("/spec/template/spec/containers/0").has("imagePullPolicyy")).isFalse();
    assertThat(stored.at("/spec/template/spec/containers/0/image").asText()).isEqualTo("nginx");
  }

  private static Result kubectl(String... args) throws Exception {
    return new Kubectl(temp.resolve("home"), cluster.kubeconfig).run(args);
  }
}
