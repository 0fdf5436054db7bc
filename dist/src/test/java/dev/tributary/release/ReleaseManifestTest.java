package dev.tributary.release;

import static dev.tributary.release.ReleaseDocuments.container;
import static dev.tributary.release.ReleaseDocuments.env;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class ReleaseManifestTest {

  private static final ReleaseImages IMAGES =
      ReleaseImages.of("registry.example.com/team/", "1.2.3");

  private static ReleaseDocuments render() throws Exception {
    return ReleaseDocuments.parse(ReleaseManifest.render(IMAGES, "1.2.3"));
  }

  @Test
  void imagesAreNamedRegistrySlashProgramColonTag() {
    assertThat(IMAGES)
        .isEqualTo(
            new ReleaseImages(
                "registry.example.com/team/controller:1.2.3",
                "registry.example.com/team/webhook:1.2.3",
                "registry.example.com/team/mtping:1.2.3",
                "registry.example.com/team/apiserver-receive-adapter:1.2.3"));
    assertThat(ReleaseImages.of("r", "t").mtping()).isEqualTo("r/mtping:t");
    assertThatThrownBy(() -> ReleaseImages.of(" ", "t")).hasMessage("image registry is blank");
    assertThatThrownBy(() -> ReleaseImages.of("r", "")).hasMessage("image tag is blank");
  }

  @Test
  void theRegistryIsReadBackFromARenderedManifest() {
    assertThat(ReleaseImages.registryIn(ReleaseManifest.render(IMAGES, "1.2.3")))
        .hasValue("registry.example.com/team");
    assertThat(
            ReleaseImages.registryIn(
                ReleaseManifest.render(
                    ReleaseImages.of("localhost:5000/tributary", "0.1.0-SNAPSHOT"), "0.1.0")))
        .hasValue("localhost:5000/tributary");
    assertThat(ReleaseImages.registryIn("kind: Namespace\nmetadata: {name: x}\n")).isEmpty();
  }

  @Test
  void holdsTheControlPlaneInApplyOrder() throws Exception {
    List<String> keys = render().keys();

    assertThat(keys)
        .containsSubsequence(
            "Namespace/knative-eventing",
            "ServiceAccount/knative-eventing/eventing-controller",
            "ClusterRole/knative-eventing-controller",
            "ClusterRoleBinding/eventing-controller",
            "CustomResourceDefinition/apiserversources.sources.knative.dev",
            "ConfigMap/knative-eventing/config-logging",
            "Deployment/knative-eventing/eventing-controller",
            "MutatingWebhookConfiguration/webhook.eventing.knative.dev")
        .contains(
            "ServiceAccount/knative-eventing/eventing-webhook",
            "ServiceAccount/knative-eventing/pingsource-mt-adapter",
            "CustomResourceDefinition/containersources.sources.knative.dev",
            "CustomResourceDefinition/pingsources.sources.knative.dev",
            "CustomResourceDefinition/sinkbindings.sources.knative.dev",
            "ConfigMap/knative-eventing/config-observability",
            "ConfigMap/knative-eventing/config-leader-election",
            "ConfigMap/knative-eventing/config-ping-defaults",
            "ConfigMap/knative-eventing/config-features",
            "Secret/knative-eventing/eventing-webhook-certs",
            "Deployment/knative-eventing/eventing-webhook",
            "Deployment/knative-eventing/pingsource-mt-adapter",
            "Service/knative-eventing/eventing-webhook",
            "ValidatingWebhookConfiguration/validation.webhook.eventing.knative.dev",
            "MutatingWebhookConfiguration/sinkbindings.webhook.sources.knative.dev")
        .doesNotHaveDuplicates();
    assertThat(keys.get(0)).isEqualTo("Namespace/knative-eventing");
  }

  @Test
  void everyObjectCarriesTheReleaseLabels() throws Exception {
    for (JsonNode doc : render().documents()) {
      JsonNode labels = doc.path("metadata").path("labels");
      assertThat(labels.path("app.kubernetes.io/name").asText())
          .as(ReleaseDocuments.key(doc))
          .isEqualTo("knative-eventing");
      assertThat(labels.path("app.kubernetes.io/version").asText())
          .as(ReleaseDocuments.key(doc))
          .isEqualTo("1.2.3");
    }
  }

  @Test
  void crdsAreTheGeneratedOnesWithTheWebhookAsConverter() throws Exception {
    List<JsonNode> crds = render().ofKind("CustomResourceDefinition");

    assertThat(crds).hasSize(4);
    for (JsonNode crd : crds) {
      assertThat(crd.path("spec").path("group").asText()).isEqualTo("sources.knative.dev");
      assertThat(crd.path("metadata").path("labels").path("duck.knative.dev/source").asText())
          .isEqualTo("true");
      JsonNode conversion = crd.path("spec").path("conversion");
      assertThat(conversion.path("strategy").asText()).isEqualTo("Webhook");
      JsonNode service = conversion.path("webhook").path("clientConfig").path("service");
      assertThat(service.path("name").asText()).isEqualTo("eventing-webhook");
      assertThat(service.path("namespace").asText()).isEqualTo("knative-eventing");
      assertThat(service.path("path").asText()).isEqualTo("/resource-conversion");
      assertThat(conversion.path("webhook").path("conversionReviewVersions").toString())
          .isEqualTo("[\"v1\",\"v1beta1\"]");
    }
    JsonNode ping = render().get("CustomResourceDefinition/pingsources.sources.knative.dev");
    assertThat(ping.path("spec").path("versions").findValuesAsText("name"))
        .contains("v1", "v1beta2");
  }

  @Test
  void controllerRunsTheControllerImageAndPointsApiServerSourcesAtTheAdapterImage()
      throws Exception {
    JsonNode controller =
        container(render().get("Deployment/knative-eventing/eventing-controller"));

    assertThat(controller.path("image").asText())
        .isEqualTo("registry.example.com/team/controller:1.2.3");
    assertThat(env(controller, "APISERVER_RA_IMAGE").path("value").asText())
        .isEqualTo("registry.example.com/team/apiserver-receive-adapter:1.2.3");
    assertThat(
            env(controller, "SYSTEM_NAMESPACE")
                .path("valueFrom")
                .path("fieldRef")
                .path("fieldPath")
                .asText())
        .isEqualTo("metadata.namespace");
    assertThat(env(controller, "POD_NAME").path("valueFrom").path("fieldRef").path("fieldPath"))
        .hasToString("\"metadata.name\"");
    assertThat(env(controller, "K_SINK_TIMEOUT").path("value").asText()).isEqualTo("-1");
    assertThat(env(controller, "METRICS_DOMAIN").path("value").asText())
        .isEqualTo("knative.dev/eventing");
    assertThat(env(controller, "CONFIG_LOGGING_NAME").path("value").asText())
        .isEqualTo("config-logging");
    assertThat(env(controller, "CONFIG_OBSERVABILITY_NAME").path("value").asText())
        .isEqualTo("config-observability");
    assertProbesAndMetrics(controller, 9090);
  }

  @Test
  void webhookListensOn8443BehindServicePort443() throws Exception {
    ReleaseDocuments release = render();
    JsonNode webhook = container(release.get("Deployment/knative-eventing/eventing-webhook"));

    assertThat(webhook.path("image").asText()).isEqualTo("registry.example.com/team/webhook:1.2.3");
    assertThat(env(webhook, "WEBHOOK_NAME").path("value").asText()).isEqualTo("eventing-webhook");
    assertThat(env(webhook, "WEBHOOK_PORT").path("value").asText()).isEqualTo("8443");
    assertThat(env(webhook, "SYSTEM_NAMESPACE").path("valueFrom").isObject()).isTrue();
    assertThat(env(webhook, "POD_NAME").path("valueFrom").isObject()).isTrue();
    assertThat(port(webhook, "https-webhook")).isEqualTo(8443);
    assertProbesAndMetrics(webhook, 9090);

    JsonNode service = release.get("Service/knative-eventing/eventing-webhook");
    assertThat(service.path("spec").path("ports").get(0).path("port").asInt()).isEqualTo(443);
    assertThat(service.path("spec").path("ports").get(0).path("targetPort").asInt())
        .isEqualTo(8443);
    JsonNode podLabels =
        release
            .get("Deployment/knative-eventing/eventing-webhook")
            .path("spec")
            .path("template")
            .path("metadata")
            .path("labels");
    service
        .path("spec")
        .path("selector")
        .fields()
        .forEachRemaining(
            e -> assertThat(podLabels.path(e.getKey()).asText()).isEqualTo(e.getValue().asText()));
  }

  @Test
  void pingAdapterIsSharedScaledToZeroAndExcludedFromBindings() throws Exception {
    JsonNode adapter = render().get("Deployment/knative-eventing/pingsource-mt-adapter");
    JsonNode spec = adapter.path("spec");

    assertThat(spec.path("replicas").isInt()).isTrue();
    assertThat(spec.path("replicas").asInt()).isZero();
    assertThat(
            adapter.path("metadata").path("labels").path("bindings.knative.dev/exclude").asText())
        .isEqualTo("true");
    JsonNode podLabels = spec.path("template").path("metadata").path("labels");
    assertThat(podLabels.path("eventing.knative.dev/source").asText())
        .isEqualTo("ping-source-controller");
    assertThat(podLabels.path("sources.knative.dev/role").asText()).isEqualTo("adapter");
    assertThat(spec.path("template").path("spec").path("serviceAccountName").asText())
        .isEqualTo("pingsource-mt-adapter");
    JsonNode dispatcher = container(adapter);
    assertThat(dispatcher.path("name").asText()).isEqualTo("dispatcher");
    assertThat(dispatcher.path("image").asText())
        .isEqualTo("registry.example.com/team/mtping:1.2.3");
    for (String name :
        List.of(
            "SYSTEM_NAMESPACE",
            "NAMESPACE",
            "K_LEADER_ELECTION_CONFIG",
            "K_NO_SHUTDOWN_AFTER",
            "K_SINK_TIMEOUT",
            "POD_NAME")) {
      assertThat(env(dispatcher, name).isMissingNode()).as(name).isFalse();
    }
    assertProbesAndMetrics(dispatcher, 9090);
  }

  @Test
  void sourceWebhooksCoverEveryServedVersionOfEveryKind() throws Exception {
    ReleaseDocuments release = render();
    Set<String> served = new HashSet<>();
    for (JsonNode crd : release.ofKind("CustomResourceDefinition")) {
      String plural = crd.path("spec").path("names").path("plural").asText();
      for (JsonNode v : crd.path("spec").path("versions")) {
        if (v.path("served").asBoolean()) {
          served.add(plural + "@" + v.path("name").asText());
        }
      }
    }
    assertThat(served).hasSize(9);

    JsonNode defaulting =
        release.get("MutatingWebhookConfiguration/webhook.eventing.knative.dev").path("webhooks");
    JsonNode validation =
        release
            .get("ValidatingWebhookConfiguration/validation.webhook.eventing.knative.dev")
            .path("webhooks");
    assertThat(covered(defaulting.get(0), "/*")).isEqualTo(served);
    assertThat(covered(validation.get(0), "")).isEqualTo(served);
    assertThat(defaulting.get(0).path("clientConfig").path("service").path("path").asText())
        .isEqualTo("/defaulting");
    assertThat(validation.get(0).path("clientConfig").path("service").path("path").asText())
        .isEqualTo("/resource-validation");
    for (JsonNode hook : List.of(defaulting.get(0), validation.get(0))) {
      assertThat(hook.path("failurePolicy").asText()).isEqualTo("Fail");
      assertThat(hook.path("sideEffects").asText()).isEqualTo("None");
      assertThat(hook.path("clientConfig").path("service").path("name").asText())
          .isEqualTo("eventing-webhook");
    }
  }

  @Test
  void sinkBindingWebhookSkipsExcludedNamespacesAndObjectsIncludingItsOwn() throws Exception {
    ReleaseDocuments release = render();
    JsonNode hook =
        release
            .get("MutatingWebhookConfiguration/sinkbindings.webhook.sources.knative.dev")
            .path("webhooks")
            .get(0);

    assertThat(hook.path("name").asText()).isEqualTo("sinkbindings.webhook.sources.knative.dev");
    assertThat(hook.path("clientConfig").path("service").path("path").asText())
        .isEqualTo("/sinkbindings");
    assertThat(hook.path("failurePolicy").asText()).isEqualTo("Fail");
    assertThat(hook.path("timeoutSeconds").asInt()).isEqualTo(10);
    String exclusion =
        "{\"matchExpressions\":[{\"key\":\"bindings.knative.dev/exclude\",\"operator\":\"NotIn\",\"values\":[\"true\"]}]}";
    assertThat(hook.path("namespaceSelector").toString()).isEqualTo(exclusion);
    assertThat(hook.path("objectSelector").toString()).isEqualTo(exclusion);
    List<String> resources = new ArrayList<>();
    hook.path("rules").forEach(r -> r.path("resources").forEach(x -> resources.add(x.asText())));
    assertThat(resources)
        .contains("deployments/*", "jobs/*", "cronjobs/*", "statefulsets/*", "daemonsets/*");
    // The webhook's own ReplicaSets and pods must never wait for the webhook.
    assertThat(
            release
                .get("Namespace/knative-eventing")
                .path("metadata")
                .path("labels")
                .path("bindings.knative.dev/exclude")
                .asText())
        .isEqualTo("true");
  }

  @Test
  void renderingIsDeterministic() {
    assertThat(ReleaseManifest.render(IMAGES, "1.2.3"))
        .isEqualTo(ReleaseManifest.render(IMAGES, "1.2.3"))
        .doesNotContain("${");
  }

  /** The {@code plural@version}s a webhook's rules cover with the given resource suffix. */
  private static Set<String> covered(JsonNode webhook, String suffix) {
    Set<String> covered = new HashSet<>();
    for (JsonNode rule : webhook.path("rules")) {
      for (JsonNode resource : rule.path("resources")) {
        String r = resource.asText();
        if (suffix.isEmpty() ? !r.contains("/") : r.endsWith(suffix)) {
          String plural = suffix.isEmpty() ? r : r.substring(0, r.length() - suffix.length());
          rule.path("apiVersions").forEach(v -> covered.add(plural + "@" + v.asText()));
        }
      }
    }
    return covered;
  }

  private static int port(JsonNode container, String name) {
    for (JsonNode p : container.path("ports")) {
      if (p.path("name").asText().equals(name)) {
        return p.path("containerPort").asInt();
      }
    }
    throw new AssertionError("no port " + name + " in " + container.path("ports"));
  }

  private static void assertProbesAndMetrics(JsonNode container, int metricsPort) {
    assertThat(port(container, "metrics")).isEqualTo(metricsPort);
    assertThat(port(container, "probes")).isEqualTo(8080);
    assertThat(container.path("livenessProbe").path("httpGet").path("path").asText())
        .isEqualTo("/health");
    assertThat(container.path("readinessProbe").path("httpGet").path("path").asText())
        .isEqualTo("/readiness");
    assertThat(container.path("readinessProbe").path("httpGet").path("port").asText())
        .isEqualTo("probes");
    assertThat(container.path("securityContext").path("runAsNonRoot").asBoolean()).isTrue();
  }
}
