package dev.tributary.webhook.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.tributary.local.apiserver.Kubectl;
import dev.tributary.local.apiserver.TestCluster;
import dev.tributary.local.apiserver.admission.AdmissionPlugins;
import dev.tributary.local.apiserver.admission.webhook.ServiceResolver;
import dev.tributary.local.apiserver.admission.webhook.WebhookSettings;
import dev.tributary.runtime.Env;
import dev.tributary.runtime.Launch;
import dev.tributary.runtime.ProgramRuntime;
import dev.tributary.runtime.RecordingLogSink;
import dev.tributary.webhook.WebhookProgram;
import dev.tributary.webhook.certs.CertificateAuthority;
import dev.tributary.webhook.certs.ServingCertificate;
import dev.tributary.webhook.certs.WebhookConfigurations;
import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.api.model.NamespaceBuilder;
import io.fabric8.kubernetes.api.model.Secret;
import io.fabric8.kubernetes.api.model.StatusCause;
import io.fabric8.kubernetes.api.model.admissionregistration.v1.MutatingWebhookConfiguration;
import io.fabric8.kubernetes.api.model.admissionregistration.v1.ValidatingWebhookConfiguration;
import io.fabric8.kubernetes.api.model.apiextensions.v1.CustomResourceDefinition;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientException;
import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.URI;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyStore;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.time.Clock;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import javax.net.ssl.HttpsURLConnection;
import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManagerFactory;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The admission webhook against the local API server, as on a cluster: the configurations are
 * installed as the release installs them ({@code service} clientConfig, no caBundle), the
 * WebhookProgram runs in-process on loopback, makes its certificates in its Secret and writes its
 * CA into the configurations and CRDs; the API server reaches it through a ServiceResolver and
 * checks its certificate against {@code eventing-webhook.knative-eventing.svc}.
 */
class WebhookIT {

  static final String SYSTEM = "knative-eventing";
  static final String SERVICE = "eventing-webhook";
  static final String NS = "demo";

  @TempDir static Path temp;
  static TestCluster cluster;
  static KubernetesClient client;
  static ProgramRuntime runtime;
  static WebhookProgram program;
  static final AtomicInteger webhookPort = new AtomicInteger(-1);
  static final RecordingLogSink log = new RecordingLogSink();

  @BeforeAll
  static void start() throws Exception {
    ServiceResolver services =
        (namespace, name, port) -> {
          if (!SYSTEM.equals(namespace) || !SERVICE.equals(name) || webhookPort.get() < 0) {
            throw new ServiceResolver.UnresolvedServiceException(
                "service " + namespace + "/" + name + " has no endpoint");
          }
          return URI.create("https://127.0.0.1:" + webhookPort.get());
        };
    cluster =
        TestCluster.start(
            temp.resolve("cluster"),
            config ->
                config.withExtensions(
                    config
                        .extensions()
                        .withAdmission(
                            AdmissionPlugins.defaults()
                                .withWebhooks(new WebhookSettings(services)))));
    client = cluster.client();
    for (String namespace : List.of(SYSTEM, NS)) {
      if (client.namespaces().withName(namespace).get() != null) {
        continue; // the cluster makes knative-eventing itself
      }
      client
          .namespaces()
          .resource(
              new NamespaceBuilder().withNewMetadata().withName(namespace).endMetadata().build())
          .create();
    }
    for (String crd : WebhookConfigurations.CONVERTED_CRDS) {
      try (InputStream yaml = WebhookIT.class.getResourceAsStream("/crds/" + crd + ".yaml")) {
        client.apiextensions().v1().customResourceDefinitions().load(yaml).create();
      }
    }
    // As the release installs them: a service reference, no caBundle, no rules yet.
    client
        .admissionRegistration()
        .v1()
        .mutatingWebhookConfigurations()
        .resource(WebhookConfigurations.defaulting(SYSTEM, SERVICE))
        .create();
    client
        .admissionRegistration()
        .v1()
        .validatingWebhookConfigurations()
        .resource(WebhookConfigurations.validation(SYSTEM, SERVICE))
        .create();

    program = new WebhookProgram();
    runtime =
        ProgramRuntime.start(
            program,
            Launch.of(
                    Env.of(
                        Map.of(
                            "KUBECONFIG", cluster.kubeconfig.toString(),
                            "METRICS_PROMETHEUS_PORT", "0",
                            "PROBES_PORT", "0",
                            "WEBHOOK_PORT", "0",
                            "POD_NAME", "eventing-webhook-0")),
                    List.of(),
                    log)
                .withBindHost("127.0.0.1"));
    webhookPort.set(
        program.port().toCompletionStage().toCompletableFuture().get(60, TimeUnit.SECONDS));
    await().atMost(Duration.ofSeconds(60)).until(program::ready);
  }

  @AfterAll
  static void stop() throws Exception {
    System.out.println("webhook log:\n" + log.text());
    if (runtime != null) {
      assertThat(runtime.stop().toCompletionStage().toCompletableFuture().get(60, TimeUnit.SECONDS))
          .isZero();
    }
    if (cluster != null) {
      cluster.close();
    }
  }

  @Test
  void makesItsCertificatesAndWritesItsCaIntoTheConfigurationsAndCrds() throws Exception {
    Secret secret = client.secrets().inNamespace(SYSTEM).withName("eventing-webhook-certs").get();
    assertThat(secret.getData())
        .containsOnlyKeys(
            ServingCertificate.CA_CERT,
            ServingCertificate.SERVER_CERT,
            ServingCertificate.SERVER_KEY);
    String caBundle = secret.getData().get(ServingCertificate.CA_CERT);

    MutatingWebhookConfiguration defaulting =
        client
            .admissionRegistration()
            .v1()
            .mutatingWebhookConfigurations()
            .withName("webhook.eventing.knative.dev")
            .get();
    var webhook = defaulting.getWebhooks().get(0);
    assertThat(webhook.getClientConfig().getCaBundle()).isEqualTo(caBundle);
    assertThat(webhook.getClientConfig().getService().getPath()).isEqualTo("/defaulting");
    assertThat(webhook.getRules()).hasSize(9);
    assertThat(defaulting.getMetadata().getOwnerReferences())
        .singleElement()
        .satisfies(owner -> assertThat(owner.getName()).isEqualTo(SYSTEM));

    ValidatingWebhookConfiguration validation =
        client
            .admissionRegistration()
            .v1()
            .validatingWebhookConfigurations()
            .withName("validation.webhook.eventing.knative.dev")
            .get();
    assertThat(validation.getWebhooks().get(0).getClientConfig().getCaBundle()).isEqualTo(caBundle);
    assertThat(validation.getWebhooks().get(0).getClientConfig().getService().getPath())
        .isEqualTo("/resource-validation");

    for (String name : WebhookConfigurations.CONVERTED_CRDS) {
      CustomResourceDefinition crd =
          client.apiextensions().v1().customResourceDefinitions().withName(name).get();
      assertThat(crd.getSpec().getConversion().getStrategy()).isEqualTo("Webhook");
      var config = crd.getSpec().getConversion().getWebhook().getClientConfig();
      assertThat(config.getCaBundle()).isEqualTo(caBundle);
      assertThat(config.getService().getName()).isEqualTo(SERVICE);
      assertThat(config.getService().getPath()).isEqualTo("/resource-conversion");
    }
  }

  @Test
  void rejectsAnInvalidPingSourceNamingEveryFieldError() {
    GenericKubernetesResource ping =
        parse(
            """
            {"apiVersion":"sources.knative.dev/v1","kind":"PingSource",
             "metadata":{"name":"bad-ping","namespace":"demo"},
             "spec":{"schedule":"61 * * * *","data":"hi","dataBase64":"aGk="}}
            """);

    assertThatThrownBy(() -> resources("v1", "PingSource").resource(ping).create())
        .isInstanceOfSatisfying(
            KubernetesClientException.class,
            e -> {
              assertThat(e.getCode()).isEqualTo(400);
              assertThat(e.getStatus().getReason()).isEqualTo("BadRequest");
              assertThat(e.getStatus().getMessage())
                  .startsWith(
                      "admission webhook \"validation.webhook.eventing.knative.dev\" denied the"
                          + " request: validation failed: ")
                  .contains("expected exactly one, got both: spec.data, spec.dataBase64")
                  .contains("expected at least one, got none: spec.sink.ref, spec.sink.uri")
                  .contains("spec.schedule");
              assertThat(e.getStatus().getDetails().getCauses())
                  .extracting(StatusCause::getField)
                  .contains(
                      "spec.data",
                      "spec.dataBase64",
                      "spec.schedule",
                      "spec.sink.ref",
                      "spec.sink.uri");
            });
    assertThat(resources("v1", "PingSource").inNamespace(NS).withName("bad-ping").get()).isNull();
  }

  @Test
  void rejectsAnApiServerSourceWithAnUnknownModeThroughKubectl() throws Exception {
    assumeTrue(Kubectl.installed(), "kubectl is not installed");
    Path manifest = temp.resolve("apiserversource.yaml");
    Files.writeString(
        manifest,
        """
        apiVersion: sources.knative.dev/v1
        kind: ApiServerSource
        metadata:
          name: bad-mode
          namespace: demo
        spec:
          mode: Unknown
          resources:
          - apiVersion: v1
            kind: Event
          sink:
            uri: http://example.com
        """);
    Kubectl.Result result =
        new Kubectl(temp.resolve("kubectl-home"), cluster.kubeconfig)
            .run("apply", "-f", manifest.toString());

    assertThat(result.exitCode()).isNotZero();
    // Knative's text, byte for byte, as kubectl prints it.
    assertThat(result.output())
        .isEqualTo(
            "Error from server (BadRequest): error when creating \""
                + manifest
                + "\": admission webhook \"validation.webhook.eventing.knative.dev\" denied the"
                + " request: validation failed: invalid value: Unknown: spec.mode\n");
  }

  @Test
  void defaultsPingSourceScheduleAndRecordsTheCreator() {
    GenericKubernetesResource created =
        resources("v1", "PingSource")
            .resource(
                parse(
                    """
                    {"apiVersion":"sources.knative.dev/v1","kind":"PingSource",
                     "metadata":{"name":"defaulted","namespace":"demo"},
                     "spec":{"data":"hello","sink":{"uri":"http://example.com"}}}
                    """))
            .create();

    assertThat(spec(created)).containsEntry("schedule", "* * * * *");
    Map<String, String> annotations = created.getMetadata().getAnnotations();
    assertThat(annotations.get("sources.knative.dev/creator")).isNotEmpty();
    assertThat(annotations.get("sources.knative.dev/lastModifier"))
        .isEqualTo(annotations.get("sources.knative.dev/creator"));
  }

  @Test
  void defaultsApiServerSourceModeAndServiceAccount() {
    GenericKubernetesResource created =
        resources("v1", "ApiServerSource")
            .resource(
                parse(
                    """
                    {"apiVersion":"sources.knative.dev/v1","kind":"ApiServerSource",
                     "metadata":{"name":"defaulted","namespace":"demo"},
                     "spec":{"resources":[{"apiVersion":"v1","kind":"Event"}],
                             "sink":{"ref":{"apiVersion":"v1","kind":"Service","name":"display"}}}}
                    """))
            .create();

    assertThat(spec(created))
        .containsEntry("mode", "Reference")
        .containsEntry("serviceAccountName", "default");
    assertThat(spec(created).get("sink").toString()).contains("namespace=demo");
  }

  @Test
  void defaultsASinkBindingSubjectNamespaceAndNamesContainerSourceContainers() {
    GenericKubernetesResource binding =
        resources("v1", "SinkBinding")
            .resource(
                parse(
                    """
                    {"apiVersion":"sources.knative.dev/v1","kind":"SinkBinding",
                     "metadata":{"name":"bind","namespace":"demo"},
                     "spec":{"subject":{"apiVersion":"batch/v1","kind":"Job",
                                        "selector":{"matchLabels":{"app":"heartbeat-cron"}}},
                             "sink":{"uri":"http://example.com"}}}
                    """))
            .create();
    assertThat(spec(binding).get("subject").toString()).contains("namespace=demo");

    GenericKubernetesResource container =
        resources("v1", "ContainerSource")
            .resource(
                parse(
                    """
                    {"apiVersion":"sources.knative.dev/v1","kind":"ContainerSource",
                     "metadata":{"name":"beats","namespace":"demo"},
                     "spec":{"template":{"spec":{"containers":[{"image":"heartbeats"}]}},
                             "sink":{"uri":"http://example.com"}}}
                    """))
            .create();
    assertThat(spec(container).get("template").toString()).contains("name=beats-0");
  }

  @Test
  void convertsAV1beta2PingSourceToV1AndBack() throws Exception {
    String caPem =
        new String(
            Base64.getDecoder()
                .decode(
                    client
                        .apiextensions()
                        .v1()
                        .customResourceDefinitions()
                        .withName("pingsources.sources.knative.dev")
                        .get()
                        .getSpec()
                        .getConversion()
                        .getWebhook()
                        .getClientConfig()
                        .getCaBundle()),
            StandardCharsets.UTF_8);
    String v1beta2 =
        """
        {"apiVersion":"sources.knative.dev/v1beta2","kind":"PingSource",
         "metadata":{"name":"p","namespace":"demo","uid":"u-1","resourceVersion":"7"},
         "spec":{"schedule":"*/2 * * * *","timezone":"Europe/Paris","contentType":"text/plain",
                 "data":"tick","sink":{"uri":"http://example.com/x"}},
         "status":{"sinkUri":"http://example.com/x"}}
        """;

    var toV1 =
        client
            .getKubernetesSerialization()
            .unmarshal(post(caPem, review("sources.knative.dev/v1", v1beta2)), Map.class);
    Map<?, ?> response = (Map<?, ?>) toV1.get("response");
    assertThat(response.get("uid")).isEqualTo("conv-1");
    assertThat(((Map<?, ?>) response.get("result")).get("status")).isEqualTo("Success");
    Map<?, ?> v1 = (Map<?, ?>) ((List<?>) response.get("convertedObjects")).get(0);
    assertThat(v1.get("apiVersion")).isEqualTo("sources.knative.dev/v1");
    assertThat(((Map<?, ?>) v1.get("spec")).get("timezone")).isEqualTo("Europe/Paris");

    var back =
        client
            .getKubernetesSerialization()
            .unmarshal(
                post(
                    caPem,
                    review(
                        "sources.knative.dev/v1beta2",
                        client.getKubernetesSerialization().asJson(v1))),
                Map.class);
    Map<?, ?> roundTrip =
        (Map<?, ?>) ((List<?>) ((Map<?, ?>) back.get("response")).get("convertedObjects")).get(0);
    Map<?, ?> original = client.getKubernetesSerialization().unmarshal(v1beta2, Map.class);
    assertThat(roundTrip.get("apiVersion")).isEqualTo("sources.knative.dev/v1beta2");
    assertThat(roundTrip.get("spec")).isEqualTo(original.get("spec"));
    assertThat(roundTrip.get("metadata")).isEqualTo(original.get("metadata"));
    assertThat(roundTrip.get("status")).isEqualTo(original.get("status"));

    var failed =
        client
            .getKubernetesSerialization()
            .unmarshal(post(caPem, review("sources.knative.dev/v9", v1beta2)), Map.class);
    Map<?, ?> result = (Map<?, ?>) ((Map<?, ?>) failed.get("response")).get("result");
    assertThat(result.get("status")).isEqualTo("Failure");
    assertThat(result.get("message"))
        .isEqualTo(
            "conversion not supported for type [kind=PingSource group=sources.knative.dev"
                + " version=v9]");
  }

  @Test
  void aRestartedWebhookReusesItsCertificates() throws Exception {
    Secret before = client.secrets().inNamespace(SYSTEM).withName("eventing-webhook-certs").get();
    WebhookProgram second = new WebhookProgram();
    ProgramRuntime secondRuntime =
        ProgramRuntime.start(
            second,
            Launch.of(
                    Env.of(
                        Map.of(
                            "KUBECONFIG", cluster.kubeconfig.toString(),
                            "METRICS_PROMETHEUS_PORT", "-1",
                            "PROBES_PORT", "-1",
                            "WEBHOOK_PORT", "0")),
                    List.of(),
                    new RecordingLogSink())
                .withBindHost("127.0.0.1"));
    try {
      await().atMost(Duration.ofSeconds(60)).until(second::ready);
      Secret after = client.secrets().inNamespace(SYSTEM).withName("eventing-webhook-certs").get();
      assertThat(after.getData()).isEqualTo(before.getData());
      assertThat(after.getMetadata().getResourceVersion())
          .isEqualTo(before.getMetadata().getResourceVersion());
    } finally {
      assertThat(
              secondRuntime
                  .stop()
                  .toCompletionStage()
                  .toCompletableFuture()
                  .get(60, TimeUnit.SECONDS))
          .isZero();
    }
  }

  @Test
  void renewsACertificateAboutToExpireWithoutARestart() throws Exception {
    // Certificates made 6.5 days ago expire within the day: the webhook must replace them.
    ServingCertificate expiring =
        CertificateAuthority.create(
            SERVICE, SYSTEM, Clock.offset(Clock.systemUTC(), Duration.ofDays(-6).minusHours(12)));
    Secret secret = client.secrets().inNamespace(SYSTEM).withName("eventing-webhook-certs").get();
    Map<String, String> data = new java.util.HashMap<>();
    expiring
        .asSecretData()
        .forEach(
            (k, v) ->
                data.put(
                    k, Base64.getEncoder().encodeToString(v.getBytes(StandardCharsets.UTF_8))));
    secret.setData(data);
    client.secrets().inNamespace(SYSTEM).resource(secret).update();
    // Any change to a configuration makes the webhook look again (as would its periodic resync).
    client
        .admissionRegistration()
        .v1()
        .validatingWebhookConfigurations()
        .withName(WebhookConfigurations.VALIDATION_NAME)
        .edit(
            c -> {
              c.getMetadata().setLabels(Map.of("touched", "yes"));
              return c;
            });

    await()
        .atMost(Duration.ofSeconds(60))
        .untilAsserted(
            () -> {
              Map<String, String> now =
                  client
                      .secrets()
                      .inNamespace(SYSTEM)
                      .withName("eventing-webhook-certs")
                      .get()
                      .getData();
              assertThat(now.get(ServingCertificate.CA_CERT))
                  .isNotEqualTo(data.get(ServingCertificate.CA_CERT));
              assertThat(
                      client
                          .admissionRegistration()
                          .v1()
                          .mutatingWebhookConfigurations()
                          .withName(WebhookConfigurations.DEFAULTING_NAME)
                          .get()
                          .getWebhooks()
                          .get(0)
                          .getClientConfig()
                          .getCaBundle())
                  .isEqualTo(now.get(ServingCertificate.CA_CERT));
              // The API server trusts only the new CA now; admission works, so the webhook
              // serves the new certificate.
              GenericKubernetesResource created =
                  resources("v1", "PingSource")
                      .resource(
                          parse(
                              """
                              {"apiVersion":"sources.knative.dev/v1","kind":"PingSource",
                               "metadata":{"generateName":"renewed-","namespace":"demo"},
                               "spec":{"sink":{"uri":"http://example.com"}}}
                              """))
                      .create();
              assertThat(spec(created)).containsEntry("schedule", "* * * * *");
            });
  }

  private static String review(String desired, String objectJson) {
    return """
        {"apiVersion":"apiextensions.k8s.io/v1","kind":"ConversionReview",
         "request":{"uid":"conv-1","desiredAPIVersion":"%s","objects":[%s]}}
        """
        .formatted(desired, objectJson);
  }

  /** POSTs a review to the webhook, trusting only its CA and checking its Service name. */
  private static String post(String caPem, String body) throws Exception {
    KeyStore trust = KeyStore.getInstance(KeyStore.getDefaultType());
    trust.load(null, null);
    trust.setCertificateEntry(
        "ca",
        CertificateFactory.getInstance("X.509")
            .generateCertificate(new ByteArrayInputStream(caPem.getBytes(StandardCharsets.UTF_8))));
    TrustManagerFactory factory =
        TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
    factory.init(trust);
    SSLContext ssl = SSLContext.getInstance("TLS");
    ssl.init(null, factory.getTrustManagers(), null);
    URL url = URI.create("https://127.0.0.1:" + webhookPort.get() + "/resource-conversion").toURL();
    HttpsURLConnection connection = (HttpsURLConnection) url.openConnection();
    connection.setSSLSocketFactory(ssl.getSocketFactory());
    connection.setHostnameVerifier(
        (host, session) -> {
          try {
            X509Certificate peer = (X509Certificate) session.getPeerCertificates()[0];
            return peer.getSubjectAlternativeNames().stream()
                .anyMatch(name -> name.get(1).equals(SERVICE + "." + SYSTEM + ".svc"));
          } catch (Exception e) {
            return false;
          }
        });
    connection.setRequestMethod("POST");
    connection.setDoOutput(true);
    connection.setRequestProperty("Content-Type", "application/json");
    try (OutputStream out = connection.getOutputStream()) {
      out.write(body.getBytes(StandardCharsets.UTF_8));
    }
    assertThat(connection.getResponseCode()).isEqualTo(200);
    try (InputStream in = connection.getInputStream()) {
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    }
  }

  private static io.fabric8.kubernetes.client.dsl.MixedOperation<
          GenericKubernetesResource,
          io.fabric8.kubernetes.api.model.GenericKubernetesResourceList,
          io.fabric8.kubernetes.client.dsl.Resource<GenericKubernetesResource>>
      resources(String version, String kind) {
    return client.genericKubernetesResources("sources.knative.dev/" + version, kind);
  }

  private static GenericKubernetesResource parse(String json) {
    return client.getKubernetesSerialization().unmarshal(json, GenericKubernetesResource.class);
  }

  @SuppressWarnings("unchecked")
  private static Map<String, Object> spec(GenericKubernetesResource resource) {
    return (Map<String, Object>) resource.getAdditionalProperties().get("spec");
  }
}
