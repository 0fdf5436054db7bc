package dev.tributary.local.apiserver;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.tributary.local.apiserver.admission.AdmissionPlugins;
import dev.tributary.local.apiserver.errors.ApiErrors;
import dev.tributary.local.apiserver.errors.FieldCause;
import dev.tributary.local.security.ServingCertificate;
import dev.tributary.local.store.ObjectKey;
import dev.tributary.local.store.StoreOptions;
import java.net.ServerSocket;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Admission end to end: a real API server calls a real HTTPS webhook on loopback, registered by
 * Mutating/ValidatingWebhookConfigurations, next to in-process plugins. Each test works in a
 * namespace of its own that its configurations select by label, so they do not see each other.
 */
class AdmissionWebhookIT {

  private static final ObjectMapper JSON = new ObjectMapper();
  private static final String MUTATING =
      "/apis/admissionregistration.k8s.io/v1/mutatingwebhookconfigurations";
  private static final String VALIDATING =
      "/apis/admissionregistration.k8s.io/v1/validatingwebhookconfigurations";

  @TempDir static Path dir;
  static TestCluster cluster;
  static WebhookTestServer webhook;
  static String caBundle;

  @BeforeAll
  static void start() throws Exception {
    cluster =
        TestCluster.start(
            dir,
            StoreOptions.defaults(),
            config ->
                config.withExtensions(
                    config
                        .extensions()
                        .withAdmission(
                            AdmissionPlugins.defaults()
                                .withMutating(
                                    services ->
                                        (attributes, warnings) -> {
                                          ObjectNode object = attributes.object();
                                          if (object != null && pluginOn(object)) {
                                            ((ObjectNode) object.get("metadata"))
                                                .putObject("annotations")
                                                .put("plugin/mutated", "true");
                                          }
                                          return object;
                                        })
                                .withValidating(
                                    services ->
                                        (attributes, warnings) -> {
                                          ObjectNode object = attributes.object();
                                          if (object != null
                                              && pluginOn(object)
                                              && object.path("data").has("forbidden")) {
                                            throw ApiErrors.invalid(
                                                "",
                                                "ConfigMap",
                                                attributes.name(),
                                                List.of(
                                                    FieldCause.forbidden(
                                                        "data.forbidden", "may not be set")));
                                          }
                                        }))));
    ServingCertificate certificate =
        cluster.certificates.issueServingCert(List.of("webhook.test.svc"), List.of("127.0.0.1"));
    webhook = WebhookTestServer.start(cluster.vertx, certificate);
    caBundle = Base64.getEncoder().encodeToString(cluster.certificates.caCertificatePem());
  }

  @AfterAll
  static void stop() throws Exception {
    if (webhook != null) {
      webhook.close();
    }
    if (cluster != null) {
      cluster.close();
    }
  }

  private static boolean pluginOn(ObjectNode object) {
    return object.path("metadata").path("labels").path("plugin").asText().equals("on");
  }

  // ---- tests ----

  @Test
  void mutatingWebhookLabelsConfigMapsOnCreateButNotOtherResources() throws Exception {
    String ns = namespace("mutate", "mutate");
    create(
        MUTATING,
        configuration(
            "MutatingWebhookConfiguration",
            "mutate",
            hook("label.tributary.dev", webhook.url("/mutate"), "mutate", "CREATE")));
    awaitDryRun(ns, response -> labels(response).path("admitted").asText().equals("yes"));

    HttpResponse<String> created = post(configMapsPath(ns), configMap("cm", "", "{}"), "");
    assertThat(created.statusCode()).isEqualTo(201);
    assertThat(labels(created).path("admitted").asText()).isEqualTo("yes");
    assertThat(created.headers().allValues("Warning"))
        .containsExactly("299 - \"mutated by the test webhook\"");
    assertThat(labels(cluster.get(configMapsPath(ns) + "/cm")).path("admitted").asText())
        .isEqualTo("yes");
    JsonNode request = webhook.reviewsOf("cm").getFirst().path("request");
    assertThat(request.path("operation").asText()).isEqualTo("CREATE");
    assertThat(request.path("namespace").asText()).isEqualTo(ns);
    assertThat(request.path("resource").path("resource").asText()).isEqualTo("configmaps");
    assertThat(request.path("kind").path("kind").asText()).isEqualTo("ConfigMap");
    assertThat(request.path("userInfo").path("username").asText()).isEqualTo("kubernetes-admin");
    assertThat(request.path("options").path("kind").asText()).isEqualTo("CreateOptions");
    assertThat(request.path("dryRun").asBoolean(true)).isFalse();

    HttpResponse<String> secret =
        post(
            "/api/v1/namespaces/" + ns + "/secrets",
            "{\"apiVersion\":\"v1\",\"kind\":\"Secret\",\"metadata\":{\"name\":\"s\"}}",
            "");
    assertThat(secret.statusCode()).isEqualTo(201);
    assertThat(labels(secret).has("admitted")).isFalse();
    assertThat(webhook.reviewsOf("s")).isEmpty();
  }

  @Test
  void validatingWebhookDenialIsForbiddenWithUpstreamsWording() throws Exception {
    String ns = namespace("deny", "deny");
    create(
        VALIDATING,
        configuration(
            "ValidatingWebhookConfiguration",
            "deny",
            hook("deny.tributary.dev", webhook.url("/deny"), "deny", "CREATE")));
    awaitDryRun(ns, response -> response.statusCode() == 403);

    HttpResponse<String> denied = post(configMapsPath(ns), configMap("cm", "", "{}"), "");
    assertThat(denied.statusCode()).isEqualTo(403);
    assertThat(json(denied).path("message").asText())
        .isEqualTo("admission webhook \"deny.tributary.dev\" denied the request: no thanks");
    assertThat(cluster.get(configMapsPath(ns) + "/cm").statusCode()).isEqualTo(404);
  }

  @Test
  void failurePolicyIgnoreSkipsAnUnreachableWebhookAndFailRefuses() throws Exception {
    int closedPort;
    try (ServerSocket socket = new ServerSocket(0)) {
      closedPort = socket.getLocalPort();
    }
    String unreachable = "https://127.0.0.1:" + closedPort + "/";
    String ignoring = namespace("ignore", "ignore");
    ObjectNode ignore = hook("ignore.tributary.dev", unreachable, "ignore", "CREATE");
    ignore.put("failurePolicy", "Ignore");
    create(
        MUTATING,
        configuration(
            "MutatingWebhookConfiguration",
            "ignore",
            ignore,
            hook("label.tributary.dev", webhook.url("/mutate"), "ignore", "CREATE")));
    // The second webhook runs only if the first one's failure was ignored.
    awaitDryRun(ignoring, response -> labels(response).path("admitted").asText().equals("yes"));

    String failing = namespace("fail", "fail");
    ObjectNode fail = hook("fail.tributary.dev", unreachable, "fail", "CREATE");
    fail.put("failurePolicy", "Fail");
    create(VALIDATING, configuration("ValidatingWebhookConfiguration", "fail", fail));
    awaitDryRun(failing, response -> response.statusCode() == 500);
    HttpResponse<String> refused = post(configMapsPath(failing), configMap("cm", "", "{}"), "");
    assertThat(refused.statusCode()).isEqualTo(500);
    assertThat(json(refused).path("message").asText())
        .startsWith(
            "Internal error occurred: failed calling webhook \"fail.tributary.dev\": failed to"
                + " call webhook: Post \"https://127.0.0.1:"
                + closedPort
                + "/?timeout=10s\": ");
  }

  @Test
  void namespaceAndObjectSelectorsSkipWhatTheyDoNotSelect() throws Exception {
    String selected = namespace("selected", "selectors");
    String other = namespace("unselected", "not-selectors");
    ObjectNode selective =
        hook("label.tributary.dev", webhook.url("/mutate"), "selectors", "CREATE");
    selective.putObject("objectSelector").putObject("matchLabels").put("webhook", "on");
    create(MUTATING, configuration("MutatingWebhookConfiguration", "selectors", selective));
    awaitDryRun(
        selected,
        configMap("probe", "{\"webhook\":\"on\"}", "{}"),
        response -> labels(response).path("admitted").asText().equals("yes"));

    HttpResponse<String> unlabelled =
        post(configMapsPath(selected), configMap("plain", "", "{}"), "");
    assertThat(labels(unlabelled).has("admitted")).isFalse();
    HttpResponse<String> otherNamespace =
        post(configMapsPath(other), configMap("elsewhere", "{\"webhook\":\"on\"}", "{}"), "");
    assertThat(otherNamespace.statusCode()).isEqualTo(201);
    assertThat(labels(otherNamespace).has("admitted")).isFalse();
    assertThat(webhook.reviewsOf("plain")).isEmpty();
    assertThat(webhook.reviewsOf("elsewhere")).isEmpty();
  }

  @Test
  void dryRunReachesWebhooksWithoutSideEffectsAndIsRefusedByOthers() throws Exception {
    ObjectNode some = hook("some.tributary.dev", webhook.url("/allow"), "dry", "CREATE");
    some.put("sideEffects", "Some");
    HttpResponse<String> invalid =
        post(VALIDATING, configuration("ValidatingWebhookConfiguration", "some", some), "");
    assertThat(invalid.statusCode()).isEqualTo(422);
    assertThat(json(invalid).path("details").path("causes").get(0).path("field").asText())
        .isEqualTo("webhooks[0].sideEffects");

    String ns = namespace("dry", "dry");
    ObjectNode onDryRun = hook("label.tributary.dev", webhook.url("/mutate"), "dry", "CREATE");
    onDryRun.put("sideEffects", "NoneOnDryRun");
    create(MUTATING, configuration("MutatingWebhookConfiguration", "dry", onDryRun));
    awaitDryRun(ns, response -> labels(response).path("admitted").asText().equals("yes"));
    HttpResponse<String> dry = post(configMapsPath(ns), configMap("dry", "", "{}"), "dryRun=All");
    assertThat(labels(dry).path("admitted").asText()).isEqualTo("yes");
    assertThat(cluster.get(configMapsPath(ns) + "/dry").statusCode()).isEqualTo(404);
    JsonNode request = webhook.reviewsOf("dry").getFirst().path("request");
    assertThat(request.path("dryRun").asBoolean()).isTrue();
    assertThat(request.path("options").path("dryRun").get(0).asText()).isEqualTo("All");

    // An older or hand-made configuration may still declare side effects: upstream refuses dry
    // runs.
    String legacy = namespace("legacy", "legacy");
    ObjectNode stored =
        configuration(
            "ValidatingWebhookConfiguration", "legacy", some.put("name", "some.tributary.dev"));
    ((ObjectNode) stored.get("webhooks").get(0).get("namespaceSelector").get("matchLabels"))
        .put("test", "legacy");
    cluster.store.create(
        ObjectKey.cluster("admissionregistration.k8s.io/validatingwebhookconfigurations", "legacy"),
        stored);
    awaitDryRun(legacy, response -> response.statusCode() == 400);
    HttpResponse<String> refused =
        post(configMapsPath(legacy), configMap("x", "", "{}"), "dryRun=All");
    assertThat(json(refused).path("message").asText())
        .isEqualTo("admission webhook \"some.tributary.dev\" does not support dry run");
    assertThat(post(configMapsPath(legacy), configMap("real", "", "{}"), "").statusCode())
        .isEqualTo(201);
    assertThat(webhook.reviewsOf("real")).hasSize(1);
  }

  @Test
  void updatesPatchesAndDeletesGoThroughAdmissionToo() throws Exception {
    String ns = namespace("writes", "writes");
    assertThat(post(configMapsPath(ns), configMap("cm", "", "{}"), "").statusCode()).isEqualTo(201);
    create(
        MUTATING,
        configuration(
            "MutatingWebhookConfiguration",
            "writes",
            hook("label.tributary.dev", webhook.url("/mutate"), "writes", "UPDATE")));
    create(
        VALIDATING,
        configuration(
            "ValidatingWebhookConfiguration",
            "writes",
            hook("deny.tributary.dev", webhook.url("/deny"), "writes", "DELETE")));
    await()
        .atMost(Duration.ofSeconds(20))
        .until(
            () ->
                send(
                            HttpRequest.newBuilder()
                                .uri(
                                    java.net.URI.create(
                                        cluster.baseUrl() + configMapsPath(ns) + "/cm?dryRun=All"))
                                .DELETE(),
                            null)
                        .statusCode()
                    == 403);
    HttpResponse<String> patched =
        send(
            cluster
                .request(configMapsPath(ns) + "/cm")
                .method("PATCH", HttpRequest.BodyPublishers.ofString("{\"data\":{\"k\":\"v\"}}"))
                .header("Content-Type", "application/merge-patch+json"),
            null);
    assertThat(patched.statusCode()).isEqualTo(200);
    assertThat(labels(patched).path("admitted").asText()).isEqualTo("yes");
    JsonNode update =
        webhook.reviewsOf("cm").stream()
            .filter(r -> r.path("request").path("operation").asText().equals("UPDATE"))
            .findFirst()
            .orElseThrow()
            .path("request");
    assertThat(update.path("options").path("kind").asText()).isEqualTo("PatchOptions");
    assertThat(update.path("object").path("data").path("k").asText()).isEqualTo("v");
    assertThat(update.path("oldObject").path("data").has("k")).isFalse();

    HttpResponse<String> delete = send(cluster.request(configMapsPath(ns) + "/cm").DELETE(), null);
    assertThat(delete.statusCode()).isEqualTo(403);
    JsonNode deletion =
        webhook.reviewsOf("cm").stream()
            .filter(r -> r.path("request").path("operation").asText().equals("DELETE"))
            .findFirst()
            .orElseThrow()
            .path("request");
    assertThat(deletion.has("object")).isFalse();
    assertThat(deletion.path("oldObject").path("metadata").path("name").asText()).isEqualTo("cm");
    assertThat(cluster.get(configMapsPath(ns) + "/cm").statusCode()).isEqualTo(200);
  }

  @Test
  void inProcessPluginsRunBeforeWebhooksAndValidateWithFieldErrors() throws Exception {
    String ns = namespace("plugin", "plugin");
    create(
        MUTATING,
        configuration(
            "MutatingWebhookConfiguration",
            "plugin",
            hook("label.tributary.dev", webhook.url("/mutate"), "plugin", "CREATE")));
    awaitDryRun(ns, response -> labels(response).path("admitted").asText().equals("yes"));

    HttpResponse<String> created =
        post(configMapsPath(ns), configMap("mine", "{\"plugin\":\"on\"}", "{}"), "");
    assertThat(created.statusCode()).isEqualTo(201);
    assertThat(json(created).path("metadata").path("annotations").path("plugin/mutated").asText())
        .isEqualTo("true");
    assertThat(labels(created).path("admitted").asText()).isEqualTo("yes");
    // The webhook saw the in-process plugin's change: in-process plugins run first.
    assertThat(
            webhook
                .reviewsOf("mine")
                .getFirst()
                .path("request")
                .path("object")
                .path("metadata")
                .path("annotations")
                .path("plugin/mutated")
                .asText())
        .isEqualTo("true");

    HttpResponse<String> invalid =
        post(
            configMapsPath(ns),
            configMap("bad", "{\"plugin\":\"on\"}", "{\"forbidden\":\"x\"}"),
            "");
    assertThat(invalid.statusCode()).isEqualTo(422);
    assertThat(json(invalid).path("message").asText())
        .isEqualTo("ConfigMap \"bad\" is invalid: data.forbidden: Forbidden: may not be set");
  }

  @Test
  void webhookConfigurationsAreValidated() throws Exception {
    ObjectNode bad = JSON.createObjectNode();
    bad.put("name", "short");
    bad.putObject("clientConfig").put("url", "http://127.0.0.1:1/x?y=z");
    HttpResponse<String> response =
        post(VALIDATING, configuration("ValidatingWebhookConfiguration", "bad", bad), "");
    assertThat(response.statusCode()).isEqualTo(422);
    List<String> fields = json(response).path("details").path("causes").findValuesAsText("field");
    assertThat(fields)
        .containsExactlyInAnyOrder(
            "webhooks[0].name",
            "webhooks[0].admissionReviewVersions",
            "webhooks[0].sideEffects",
            "webhooks[0].clientConfig.url",
            "webhooks[0].clientConfig.url");
    assertThat(json(response).path("message").asText())
        .contains(
            "webhooks[0].name: Invalid value: \"short\": should be a domain with at least three"
                + " segments separated by dots")
        .contains(
            "webhooks[0].clientConfig.url: Invalid value: \"http\": 'https' is the only allowed URL scheme; desired format: https://host[/path]");
  }

  // ---- helpers ----

  private static String namespace(String name, String testLabel) throws Exception {
    HttpResponse<String> response =
        post(
            "/api/v1/namespaces",
            "{\"apiVersion\":\"v1\",\"kind\":\"Namespace\",\"metadata\":{\"name\":\""
                + name
                + "\",\"labels\":{\"test\":\""
                + testLabel
                + "\"}}}",
            "");
    assertThat(response.statusCode()).as(response.body()).isEqualTo(201);
    return name;
  }

  /** A webhook for ConfigMaps in namespaces labelled {@code test=testLabel}. */
  private static ObjectNode hook(String name, String url, String testLabel, String operation) {
    ObjectNode hook = JSON.createObjectNode();
    hook.put("name", name);
    hook.putObject("clientConfig").put("url", url).put("caBundle", caBundle);
    ObjectNode rule = hook.putArray("rules").addObject();
    rule.putArray("operations").add(operation);
    rule.putArray("apiGroups").add("");
    rule.putArray("apiVersions").add("v1");
    rule.putArray("resources").add("configmaps");
    hook.putObject("namespaceSelector").putObject("matchLabels").put("test", testLabel);
    hook.put("sideEffects", "None");
    hook.putArray("admissionReviewVersions").add("v1");
    return hook;
  }

  private static ObjectNode configuration(String kind, String name, ObjectNode... hooks) {
    ObjectNode configuration = JSON.createObjectNode();
    configuration.put("apiVersion", "admissionregistration.k8s.io/v1");
    configuration.put("kind", kind);
    configuration.putObject("metadata").put("name", name);
    for (ObjectNode hook : hooks) {
      configuration.withArray("webhooks").add(hook);
    }
    return configuration;
  }

  private static void create(String path, ObjectNode configuration) throws Exception {
    HttpResponse<String> response = post(path, configuration, "");
    assertThat(response.statusCode()).as(response.body()).isEqualTo(201);
  }

  private static String configMap(String name, String labels, String data) {
    return "{\"apiVersion\":\"v1\",\"kind\":\"ConfigMap\",\"metadata\":{\"name\":\""
        + name
        + "\""
        + (labels.isEmpty() ? "" : ",\"labels\":" + labels)
        + "},\"data\":"
        + data
        + "}";
  }

  private static String configMapsPath(String ns) {
    return "/api/v1/namespaces/" + ns + "/configmaps";
  }

  /** Waits until the webhook cache has caught up: a dry-run create of a probe answers as asked. */
  private static void awaitDryRun(
      String ns, java.util.function.Predicate<HttpResponse<String>> answered) {
    awaitDryRun(ns, configMap("probe", "", "{}"), answered);
  }

  private static void awaitDryRun(
      String ns, String body, java.util.function.Predicate<HttpResponse<String>> answered) {
    await()
        .atMost(Duration.ofSeconds(20))
        .until(() -> answered.test(post(configMapsPath(ns), body, "dryRun=All")));
  }

  private static HttpResponse<String> post(String path, Object body, String query)
      throws Exception {
    String text = body instanceof String s ? s : JSON.writeValueAsString(body);
    return send(
        cluster
            .request(path + (query.isEmpty() ? "" : "?" + query))
            .POST(HttpRequest.BodyPublishers.ofString(text))
            .header("Content-Type", "application/json"),
        null);
  }

  private static HttpResponse<String> send(HttpRequest.Builder request, Object unused)
      throws Exception {
    HttpRequest built = request.build();
    if (built.headers().firstValue("Authorization").isEmpty()) {
      built =
          HttpRequest.newBuilder(built, (name, value) -> true)
              .header("Authorization", "Bearer " + cluster.tokens.adminToken())
              .build();
    }
    return cluster.http().send(built, HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
  }

  private static JsonNode json(HttpResponse<String> response) throws Exception {
    return JSON.readTree(response.body());
  }

  private static JsonNode labels(HttpResponse<String> response) {
    try {
      return json(response).path("metadata").path("labels");
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
  }
}
