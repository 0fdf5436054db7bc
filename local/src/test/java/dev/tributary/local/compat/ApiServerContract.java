package dev.tributary.local.compat;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.fabric8.kubernetes.api.model.ConfigMap;
import io.fabric8.kubernetes.api.model.ConfigMapBuilder;
import io.fabric8.kubernetes.api.model.NamespaceBuilder;
import io.fabric8.kubernetes.api.model.apiextensions.v1.CustomResourceDefinition;
import io.fabric8.kubernetes.client.Config;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientBuilder;
import io.fabric8.kubernetes.client.KubernetesClientException;
import io.fabric8.kubernetes.client.dsl.base.ResourceDefinitionContext;
import io.fabric8.kubernetes.client.http.HttpRequest;
import io.fabric8.kubernetes.client.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import org.assertj.core.api.ThrowableAssert.ThrowingCallable;
import org.awaitility.Awaitility;
import org.awaitility.core.ConditionFactory;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.TestInstance;

/**
 * The base of the API-server compatibility kit: one namespace and one admin client per test class,
 * talking to the server only through fabric8 (and fabric8's own HTTP client for raw requests), so
 * that every contract could run against a real kube-apiserver. Subclasses assert Kubernetes' own
 * behaviour: codes, reasons and field paths as upstream returns them.
 *
 * <p>Test classes run with one instance per class; the namespace and the CRDs a class creates are
 * deleted after its last test.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
public abstract class ApiServerContract {

  /** The group of every CustomResourceDefinition the contracts create. */
  protected static final String GROUP = "compat.tributary.dev";

  protected static final ObjectMapper JSON = new ObjectMapper();

  /** The Accept header that asks for server-side Tables, as kubectl sends it. */
  protected static final String TABLE_ACCEPT =
      "application/json;as=Table;v=v1;g=meta.k8s.io,application/json;as=Table;v=v1beta1;g=meta.k8s.io,application/json";

  private final List<KubernetesClient> clients = new ArrayList<>();
  private final List<String> crds = new ArrayList<>();

  /** A client with cluster-admin rights (fabric8's default, WebSocket-first watches). */
  protected KubernetesClient admin;

  /** This class's own namespace, created before its first test. */
  protected String ns;

  /** The server under test. */
  protected abstract ContractTarget target();

  @BeforeAll
  void createNamespace() {
    admin = newClient(target().adminConfig());
    ns = "compat-" + UUID.randomUUID().toString().substring(0, 8);
    admin
        .namespaces()
        .resource(new NamespaceBuilder().withNewMetadata().withName(ns).endMetadata().build())
        .create();
  }

  @AfterAll
  void deleteNamespaceAndCrds() {
    try {
      if (admin != null) {
        admin.namespaces().withName(ns).delete();
        for (String crd : crds) {
          admin.apiextensions().v1().customResourceDefinitions().withName(crd).delete();
        }
      }
    } finally {
      clients.forEach(KubernetesClient::close);
    }
  }

  /** A client for {@code config}, closed after the class's last test. */
  protected KubernetesClient newClient(Config config) {
    KubernetesClient client = new KubernetesClientBuilder().withConfig(config).build();
    clients.add(client);
    return client;
  }

  /** A cluster-admin client whose watches are plain HTTP streams instead of WebSockets. */
  protected KubernetesClient newHttpWatchClient() {
    Config config = target().adminConfig();
    config.setOnlyHttpWatches(true);
    return newClient(config);
  }

  /** A name no other test uses. */
  protected static String unique(String prefix) {
    return prefix + "-" + UUID.randomUUID().toString().substring(0, 6);
  }

  protected static ConditionFactory eventually() {
    return Awaitility.await().atMost(Duration.ofSeconds(20)).pollInterval(Duration.ofMillis(50));
  }

  /** The API error {@code call} fails with; fails the test if it succeeds. */
  protected static KubernetesClientException failure(ThrowingCallable call) {
    KubernetesClientException error = catchThrowableOfType(KubernetesClientException.class, call);
    assertThat(error).as("the request should have failed").isNotNull();
    assertThat(error.getStatus()).as("an error carries a Status").isNotNull();
    return error;
  }

  protected ConfigMap configMap(String name, Map<String, String> labels, Map<String, String> data) {
    return new ConfigMapBuilder()
        .withNewMetadata()
        .withName(name)
        .withNamespace(ns)
        .withLabels(labels)
        .endMetadata()
        .withData(data)
        .build();
  }

  protected ConfigMap createConfigMap(String name, Map<String, String> data) {
    return admin.configMaps().inNamespace(ns).resource(configMap(name, Map.of(), data)).create();
  }

  /**
   * Creates a CRD from JSON (its group must be {@link #GROUP}), waits until it is Established and
   * its resource is served, and deletes it after the class's last test.
   */
  protected CustomResourceDefinition createCrd(String json) {
    CustomResourceDefinition crd =
        admin.getKubernetesSerialization().unmarshal(json, CustomResourceDefinition.class);
    CustomResourceDefinition created =
        admin.apiextensions().v1().customResourceDefinitions().resource(crd).create();
    crds.add(created.getMetadata().getName());
    eventually()
        .until(
            () ->
                admin
                    .apiextensions()
                    .v1()
                    .customResourceDefinitions()
                    .withName(created.getMetadata().getName())
                    .get()
                    .getStatus()
                    .getConditions()
                    .stream()
                    .anyMatch(
                        c -> c.getType().equals("Established") && c.getStatus().equals("True")));
    String served = created.getSpec().getVersions().get(0).getName();
    String path = "/apis/" + GROUP + "/" + served + "/" + created.getSpec().getNames().getPlural();
    eventually().until(() -> raw("GET", path, null, null, null).code() == 200);
    return created;
  }

  /** How fabric8's generic client reaches the CRD's namespaced kind at {@code version}. */
  protected static ResourceDefinitionContext context(CustomResourceDefinition crd, String version) {
    return new ResourceDefinitionContext.Builder()
        .withGroup(crd.getSpec().getGroup())
        .withVersion(version)
        .withKind(crd.getSpec().getNames().getKind())
        .withPlural(crd.getSpec().getNames().getPlural())
        .withNamespaced(crd.getSpec().getScope().equals("Namespaced"))
        .build();
  }

  /** A raw request through the admin client's own HTTP client (its authentication and TLS). */
  protected HttpResponse<String> raw(
      String method, String path, String contentType, String body, String accept) throws Exception {
    return raw(admin, method, path, contentType, body, accept);
  }

  protected static HttpResponse<String> raw(
      KubernetesClient client,
      String method,
      String path,
      String contentType,
      String body,
      String accept)
      throws Exception {
    String base = client.getMasterUrl().toString();
    HttpRequest.Builder request =
        client
            .getHttpClient()
            .newHttpRequestBuilder()
            .uri(base.replaceAll("/+$", "") + path)
            .timeout(30, TimeUnit.SECONDS);
    if (body != null) {
      request.method(method, contentType, body);
    } else if (!method.equals("GET")) {
      throw new IllegalArgumentException("only GET may go without a body: " + method);
    }
    if (accept != null) {
      request.setHeader("Accept", accept);
    }
    return client
        .getHttpClient()
        .sendAsync(request.build(), String.class)
        .get(30, TimeUnit.SECONDS);
  }

  protected static JsonNode json(String text) throws Exception {
    return JSON.readTree(text);
  }
}
