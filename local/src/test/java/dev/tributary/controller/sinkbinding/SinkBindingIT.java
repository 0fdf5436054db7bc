package dev.tributary.controller.sinkbinding;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.tributary.api.duck.CloudEventOverrides;
import dev.tributary.api.duck.Condition;
import dev.tributary.api.duck.Destination;
import dev.tributary.api.duck.KReference;
import dev.tributary.api.sources.sinkbinding.SinkBinding;
import dev.tributary.api.sources.sinkbinding.SinkBindingSpec;
import dev.tributary.api.tracker.Reference;
import dev.tributary.controller.ControllerProgram;
import dev.tributary.local.apiserver.TestCluster;
import dev.tributary.local.apiserver.admission.AdmissionPlugins;
import dev.tributary.local.apiserver.admission.webhook.WebhookSettings;
import dev.tributary.local.datadir.DataDir;
import dev.tributary.local.security.ClusterCertificates;
import dev.tributary.runtime.Env;
import dev.tributary.runtime.Launch;
import dev.tributary.runtime.ProgramRuntime;
import dev.tributary.runtime.RecordingLogSink;
import dev.tributary.webhook.sinkbinding.SinkBindingIndex;
import dev.tributary.webhook.sinkbinding.SinkBindingSubjectAdmission;
import dev.tributary.webhook.sinkbinding.SinkBindingWebhookConfiguration;
import dev.tributary.webhook.sinkbinding.SinkBindingWebhookRules;
import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.ContainerBuilder;
import io.fabric8.kubernetes.api.model.EnvVar;
import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.api.model.LabelSelectorBuilder;
import io.fabric8.kubernetes.api.model.NamespaceBuilder;
import io.fabric8.kubernetes.api.model.ObjectMetaBuilder;
import io.fabric8.kubernetes.api.model.PodTemplateSpec;
import io.fabric8.kubernetes.api.model.PodTemplateSpecBuilder;
import io.fabric8.kubernetes.api.model.ServiceBuilder;
import io.fabric8.kubernetes.api.model.apiextensions.v1.CustomResourceDefinition;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.apps.DeploymentBuilder;
import io.fabric8.kubernetes.api.model.batch.v1.CronJobBuilder;
import io.fabric8.kubernetes.api.model.batch.v1.Job;
import io.fabric8.kubernetes.api.model.batch.v1.JobBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.utils.KubernetesSerialization;
import io.vertx.core.Vertx;
import java.io.InputStream;
import java.net.URI;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * SinkBinding end to end against the local API server (issue 4, acceptance 4): the SinkBinding
 * controller runs in-process, and the admission handler sits behind a loopback HTTPS server that
 * the API server calls through the MutatingWebhookConfiguration the builder makes (with a {@code
 * service} clientConfig, resolved to the loopback port). Each test works in a namespace of its own.
 */
class SinkBindingIT {

  private static final Duration WAIT = Duration.ofSeconds(30);

  /** A custom PodSpecable kind: anything with spec.template.spec can be a subject. */
  private static final CustomResourceDefinition WIDGET_CRD =
      new KubernetesSerialization()
          .unmarshal(
              """
              {"apiVersion":"apiextensions.k8s.io/v1","kind":"CustomResourceDefinition",
               "metadata":{"name":"widgets.example.dev"},
               "spec":{"group":"example.dev","scope":"Namespaced",
                "names":{"kind":"Widget","plural":"widgets","singular":"widget"},
                "versions":[{"name":"v1","served":true,"storage":true,
                 "schema":{"openAPIV3Schema":{"type":"object","properties":{
                  "spec":{"type":"object","x-kubernetes-preserve-unknown-fields":true}}}}}]}}
              """,
              CustomResourceDefinition.class);

  @TempDir static Path dir;
  static TestCluster cluster;
  static KubernetesClient client;
  static Vertx vertx;
  static AdmissionTestServer webhook;
  static SinkBindingIndex index;
  static ProgramRuntime controller;
  static final RecordingLogSink controllerLog = new RecordingLogSink();

  @BeforeAll
  static void start() throws Exception {
    AtomicInteger webhookPort = new AtomicInteger();
    cluster =
        TestCluster.start(
            dir.resolve("cluster"),
            config ->
                config.withExtensions(
                    config
                        .extensions()
                        .withAdmission(
                            AdmissionPlugins.defaults()
                                .withWebhooks(
                                    new WebhookSettings(
                                        (ns, name, port) ->
                                            URI.create(
                                                "https://127.0.0.1:" + webhookPort.get()))))));
    client = cluster.client();
    client.resource(WIDGET_CRD).create();
    // The controller program runs every reconciler, so it needs all four kinds.
    for (String plural :
        List.of("sinkbindings", "pingsources", "apiserversources", "containersources")) {
      try (InputStream yaml =
          SinkBindingIT.class.getResourceAsStream(
              "/crds/" + plural + ".sources.knative.dev.yaml")) {
        client
            .resource(
                client.getKubernetesSerialization().unmarshal(yaml, CustomResourceDefinition.class))
            .create();
      }
    }
    await()
        .atMost(WAIT)
        .until(
            () -> {
              try {
                client.resources(SinkBinding.class).inAnyNamespace().list();
                client
                    .genericKubernetesResources("example.dev/v1", "Widget")
                    .inAnyNamespace()
                    .list();
                return true;
              } catch (RuntimeException e) {
                return false;
              }
            });

    // The webhook's own CA, as the real webhook makes one; the API server trusts it via caBundle.
    ClusterCertificates webhookCa =
        ClusterCertificates.loadOrCreate(DataDir.open(dir.resolve("webhook")), Clock.systemUTC());
    vertx = Vertx.vertx();
    index = new SinkBindingIndex(cluster.client());
    SinkBindingWebhookRules.follow(cluster.client(), index);
    index.start().get(30, TimeUnit.SECONDS);
    webhook =
        AdmissionTestServer.start(
            vertx,
            webhookCa.issueServingCert(
                List.of("eventing-webhook.knative-eventing.svc"), List.of("127.0.0.1")),
            new SinkBindingSubjectAdmission(index, client.getKubernetesSerialization()));
    webhookPort.set(webhook.port());
    client
        .resource(
            SinkBindingWebhookConfiguration.build(
                SinkBindingWebhookConfiguration.Settings.upstream(webhookCa.caCertificatePem()),
                List.of()))
        .create();

    client
        .namespaces()
        .resource(
            new NamespaceBuilder()
                .withNewMetadata()
                .withName("knative-eventing")
                .endMetadata()
                .build())
        .serverSideApply();
    // The eventing-controller program, as it runs in a cluster (its lease, all its reconcilers).
    controller =
        ProgramRuntime.start(
            new ControllerProgram(),
            Launch.of(
                    Env.of(
                        Map.of(
                            "KUBECONFIG", cluster.kubeconfig.toString(),
                            "METRICS_PROMETHEUS_PORT", "0",
                            "PROBES_PORT", "0",
                            "SYSTEM_NAMESPACE", "knative-eventing",
                            "APISERVER_RA_IMAGE", "tributary/apiserver-receive-adapter",
                            "POD_NAME", "eventing-controller-it")),
                    List.of(),
                    controllerLog)
                .withBindHost("127.0.0.1"));
  }

  @AfterAll
  static void stop() throws Exception {
    if (controller != null) {
      controller.stop(Duration.ofSeconds(10)).await(20, TimeUnit.SECONDS);
    }
    if (webhook != null) {
      webhook.close();
    }
    if (index != null) {
      index.close();
    }
    if (vertx != null) {
      vertx.close().await(30, TimeUnit.SECONDS);
    }
    if (cluster != null) {
      cluster.close();
    }
  }

  @Test
  void aJobCreatedAfterABindingBySelectorCarriesTheSinkUntilTheBindingIsDeleted() {
    String ns = namespace("jobs", Map.of());
    service(ns, "display");
    createBinding(
        ns,
        "bind-heartbeat",
        Reference.bySelector(
            "batch/v1",
            "Job",
            ns,
            new LabelSelectorBuilder().addToMatchLabels("app", "heartbeat-cron").build()),
        new CloudEventOverrides(Map.of("hello", "world")));
    awaitReady(ns, "bind-heartbeat");
    awaitIndexed(ns, "bind-heartbeat");
    assertThat(binding(ns, "bind-heartbeat").getStatus().getSinkUri())
        .isEqualTo("http://display." + ns + ".svc.cluster.local");

    Job created = createJob(ns, "heartbeat-1", Map.of("app", "heartbeat-cron"));
    Job unlabelled = createJob(ns, "other", Map.of("app", "other"));

    String sink = "K_SINK=http://display." + ns + ".svc.cluster.local";
    String overrides = "K_CE_OVERRIDES={\"extensions\":{\"hello\":\"world\"}}";
    assertThat(env(created.getSpec().getTemplate(), false))
        .containsExactly("ONE_SHOT=true", sink, overrides);
    assertThat(env(created.getSpec().getTemplate(), true)).containsExactly(sink, overrides);
    assertThat(env(unlabelled.getSpec().getTemplate(), false)).containsExactly("ONE_SHOT=true");

    // A Job's pod template is immutable: the binding's deletion cannot reach it, and must not hang
    // on it either; the Job keeps what it was created with, and an Event says so.
    client.resources(SinkBinding.class).inNamespace(ns).withName("bind-heartbeat").delete();
    await().atMost(WAIT).until(() -> binding(ns, "bind-heartbeat") == null);
    assertThat(env(job(ns, "heartbeat-1").getSpec().getTemplate(), false))
        .containsExactly("ONE_SHOT=true", sink, overrides);
    assertThat(client.v1().events().inNamespace(ns).list().getItems())
        .anySatisfy(
            event -> {
              assertThat(event.getReason()).isEqualTo("SubjectImmutable");
              assertThat(event.getType()).isEqualTo("Normal");
              assertThat(event.getInvolvedObject().getName()).isEqualTo("bind-heartbeat");
              assertThat(event.getMessage())
                  .isEqualTo(
                      "Job \"heartbeat-1\" keeps the pod template it was created with: a Job's"
                          + " template is immutable");
            });
    await().atMost(WAIT).until(() -> index.inNamespace(ns).isEmpty());
    Job afterwards = createJob(ns, "heartbeat-2", Map.of("app", "heartbeat-cron"));
    assertThat(env(afterwards.getSpec().getTemplate(), false)).containsExactly("ONE_SHOT=true");
  }

  @Test
  void anExistingDeploymentByNameIsBoundAndUnboundWhenItsSinkGoes() {
    String ns = namespace("deploy", Map.of());
    service(ns, "display");
    createDeployment(ns, "app", Map.of());
    createBinding(ns, "bind-app", Reference.byName("apps/v1", "Deployment", ns, "app"), null);

    String sink = "K_SINK=http://display." + ns + ".svc.cluster.local";
    await()
        .atMost(WAIT)
        .until(
            () -> env(deployment(ns, "app")),
            e -> e.equals(List.of("A=1", sink, "K_CE_OVERRIDES=")));
    awaitReady(ns, "bind-app");
    assertThat(client.namespaces().withName(ns).get().getMetadata().getLabels())
        .containsEntry("bindings.knative.dev/include", "true");

    client.services().inNamespace(ns).withName("display").delete();
    await()
        .atMost(WAIT)
        .until(
            () -> condition(ns, "bind-app", "SinkProvided"),
            c -> c.isPresent() && c.get().isFalse());
    Condition sinkProvided = condition(ns, "bind-app", "SinkProvided").orElseThrow();
    assertThat(sinkProvided.reason()).isEqualTo("NoAddressable");
    assertThat(sinkProvided.message())
        .isEqualTo(
            "Addressable could not be extracted from destination: failed to get object "
                + ns
                + "/display: services \"display\" not found");
    assertThat(condition(ns, "bind-app", "Ready").orElseThrow().isFalse()).isTrue();
    await().atMost(WAIT).until(() -> env(deployment(ns, "app")), e -> e.equals(List.of("A=1")));

    // The sink coming back binds the subject again, without touching the binding.
    service(ns, "display");
    awaitReady(ns, "bind-app");
    await()
        .atMost(WAIT)
        .until(
            () -> env(deployment(ns, "app")),
            e -> e.equals(List.of("A=1", sink, "K_CE_OVERRIDES=")));

    // Deleting the binding unbinds its subject before the binding goes.
    client.resources(SinkBinding.class).inNamespace(ns).withName("bind-app").delete();
    await().atMost(WAIT).until(() -> binding(ns, "bind-app") == null);
    assertThat(env(deployment(ns, "app"))).containsExactly("A=1");
  }

  @Test
  void aMissingSubjectIsReportedAndBoundOnceItAppears() {
    String ns = namespace("missing", Map.of());
    service(ns, "display");
    createBinding(ns, "bind-ghost", Reference.byName("apps/v1", "Deployment", ns, "ghost"), null);

    await()
        .atMost(WAIT)
        .until(
            () -> condition(ns, "bind-ghost", "SinkBindingAvailable"),
            c -> c.isPresent() && c.get().isFalse());
    Condition available = condition(ns, "bind-ghost", "SinkBindingAvailable").orElseThrow();
    assertThat(available.reason()).isEqualTo("SubjectMissing");
    assertThat(available.message()).isEqualTo("deployments.apps \"ghost\" not found");

    createDeployment(ns, "ghost", Map.of());
    awaitReady(ns, "bind-ghost");
    assertThat(env(deployment(ns, "ghost")))
        .containsExactly(
            "A=1", "K_SINK=http://display." + ns + ".svc.cluster.local", "K_CE_OVERRIDES=");
  }

  @Test
  void excludedObjectsAndNamespacesAreLeftUntouched() {
    String ns = namespace("excluded-objects", Map.of());
    service(ns, "display");
    createDeployment(ns, "skip", Map.of("app", "x", "bindings.knative.dev/exclude", "true"));
    createDeployment(ns, "take", Map.of("app", "x"));
    createBinding(
        ns,
        "bind-x",
        Reference.bySelector(
            "apps/v1",
            "Deployment",
            ns,
            new LabelSelectorBuilder().addToMatchLabels("app", "x").build()),
        null);
    awaitReady(ns, "bind-x");
    await().atMost(WAIT).until(() -> env(deployment(ns, "take")).size() == 3);
    assertThat(env(deployment(ns, "skip"))).containsExactly("A=1");
    // Nor does the webhook bind an excluded object created afterwards.
    createDeployment(ns, "skip-later", Map.of("app", "x", "bindings.knative.dev/exclude", "true"));
    assertThat(env(deployment(ns, "skip-later"))).containsExactly("A=1");

    String excludedNs = namespace("excluded-ns", Map.of("bindings.knative.dev/exclude", "true"));
    service(excludedNs, "display");
    createDeployment(excludedNs, "app", Map.of());
    createBinding(
        excludedNs, "bind-app", Reference.byName("apps/v1", "Deployment", excludedNs, "app"), null);
    awaitReady(excludedNs, "bind-app");
    assertThat(env(deployment(excludedNs, "app"))).containsExactly("A=1");
    assertThat(client.namespaces().withName(excludedNs).get().getMetadata().getLabels())
        .doesNotContainKey("bindings.knative.dev/include");
  }

  @Test
  void aCronJobAndACustomKindAreBoundWhereTheirPodTemplateIs() throws Exception {
    String ns = namespace("podspecables", Map.of());
    service(ns, "display");
    String sink = "K_SINK=http://display." + ns + ".svc.cluster.local";
    client
        .batch()
        .v1()
        .cronjobs()
        .inNamespace(ns)
        .resource(
            new CronJobBuilder()
                .withNewMetadata()
                .withName("heartbeat-cron")
                .endMetadata()
                .withNewSpec()
                .withSchedule("* * * * *")
                .withNewJobTemplate()
                .withNewSpec()
                .withTemplate(
                    new PodTemplateSpecBuilder(template(Map.of()))
                        .editSpec()
                        .withRestartPolicy("Never")
                        .endSpec()
                        .build())
                .endSpec()
                .endJobTemplate()
                .endSpec()
                .build())
        .create();
    createBinding(
        ns, "bind-cron", Reference.byName("batch/v1", "CronJob", ns, "heartbeat-cron"), null);

    // A binding on a custom kind extends the webhook's rules, so its subjects are bound as they
    // are created (the create response already carries the sink).
    createBinding(ns, "bind-widget", Reference.byName("example.dev/v1", "Widget", ns, "w"), null);
    await()
        .atMost(WAIT)
        .until(
            () -> condition(ns, "bind-widget", "SinkProvided"),
            c -> c.isPresent() && c.get().isTrue());
    await()
        .atMost(WAIT)
        .until(
            () ->
                client
                    .admissionRegistration()
                    .v1()
                    .mutatingWebhookConfigurations()
                    .withName(SinkBindingWebhookConfiguration.NAME)
                    .get()
                    .getWebhooks()
                    .get(0)
                    .getRules()
                    .stream()
                    .anyMatch(r -> r.getResources().contains("widgets/*")));
    awaitIndexed(ns, "bind-widget");
    GenericKubernetesResource widget = new GenericKubernetesResource();
    widget.setApiVersion("example.dev/v1");
    widget.setKind("Widget");
    widget.setMetadata(new ObjectMetaBuilder().withNamespace(ns).withName("w").build());
    widget.setAdditionalProperty(
        "spec",
        Map.of(
            "template",
            Map.of(
                "spec",
                Map.of(
                    "containers",
                    List.of(
                        Map.of(
                            "name",
                            "c",
                            "image",
                            "x",
                            "env",
                            List.of(Map.of("name", "A", "value", "1"))))))));
    GenericKubernetesResource created =
        client
            .genericKubernetesResources("example.dev/v1", "Widget")
            .inNamespace(ns)
            .resource(widget)
            .create();
    assertThat(
            client
                .getKubernetesSerialization()
                .asJson(created.getAdditionalProperties().get("spec")))
        .contains("\"K_SINK\"");

    awaitReady(ns, "bind-cron");
    awaitReady(ns, "bind-widget");
    assertThat(
            env(
                client
                    .batch()
                    .v1()
                    .cronjobs()
                    .inNamespace(ns)
                    .withName("heartbeat-cron")
                    .get()
                    .getSpec()
                    .getJobTemplate()
                    .getSpec()
                    .getTemplate(),
                false))
        .containsExactly("A=1", sink, "K_CE_OVERRIDES=");
    Object stored =
        client
            .genericKubernetesResources("example.dev/v1", "Widget")
            .inNamespace(ns)
            .withName("w")
            .get()
            .getAdditionalProperties()
            .get("spec");
    // Only the env was added; the rest of the custom object is as it was.
    assertThat(new ObjectMapper().readTree(client.getKubernetesSerialization().asJson(stored)))
        .isEqualTo(
            new ObjectMapper()
                .readTree(
                    """
                    {"template":{"spec":{"containers":[{"name":"c","image":"x","env":[
                      {"name":"A","value":"1"},
                      {"name":"K_SINK","value":"http://display.%s.svc.cluster.local"},
                      {"name":"K_CE_OVERRIDES","value":""}]}]}}}
                    """
                        .formatted(ns)));
  }

  // ---- helpers ----

  private static String namespace(String name, Map<String, String> labels) {
    client
        .namespaces()
        .resource(
            new NamespaceBuilder()
                .withNewMetadata()
                .withName(name)
                .withLabels(labels)
                .endMetadata()
                .build())
        .create();
    return name;
  }

  private static void service(String ns, String name) {
    client
        .services()
        .inNamespace(ns)
        .resource(
            new ServiceBuilder()
                .withNewMetadata()
                .withName(name)
                .endMetadata()
                .withNewSpec()
                .addToSelector("app", name)
                .addNewPort()
                .withPort(80)
                .endPort()
                .endSpec()
                .build())
        .create();
  }

  private static void createBinding(
      String ns, String name, Reference subject, CloudEventOverrides overrides) {
    SinkBinding binding = new SinkBinding();
    binding.getMetadata().setNamespace(ns);
    binding.getMetadata().setName(name);
    Destination sink = Destination.ofRef(KReference.of("v1", "Service", null, "display"));
    binding.setSpec(new SinkBindingSpec(sink, overrides, subject, null));
    client.resources(SinkBinding.class).inNamespace(ns).resource(binding).create();
  }

  private static SinkBinding binding(String ns, String name) {
    return client.resources(SinkBinding.class).inNamespace(ns).withName(name).get();
  }

  private static Optional<Condition> condition(String ns, String name, String type) {
    SinkBinding binding = binding(ns, name);
    if (binding == null || binding.getStatus() == null) {
      return Optional.empty();
    }
    return binding.getStatus().getConditions().stream()
        .filter(c -> c.type().equals(type))
        .findFirst();
  }

  private static void awaitReady(String ns, String name) {
    await()
        .atMost(WAIT)
        .until(() -> condition(ns, name, "Ready"), c -> c.isPresent() && c.get().isTrue());
  }

  /**
   * Waits until the webhook's cache has the binding's resolved sink: a Job is bound only when it is
   * created (its template is immutable), so the test must not create it before.
   */
  private static void awaitIndexed(String ns, String name) {
    await()
        .atMost(WAIT)
        .until(
            () ->
                index.inNamespace(ns).stream()
                    .anyMatch(
                        b ->
                            b.getMetadata().getName().equals(name)
                                && b.getStatus() != null
                                && b.getStatus().getSinkUri() != null
                                && Objects.equals(
                                    b.getStatus().getObservedGeneration(),
                                    b.getMetadata().getGeneration())));
  }

  private static PodTemplateSpec template(Map<String, String> labels) {
    Container container =
        new ContainerBuilder()
            .withName("single")
            .withImage("heartbeats")
            .addNewEnv()
            .withName("A")
            .withValue("1")
            .endEnv()
            .build();
    return new PodTemplateSpecBuilder()
        .withNewMetadata()
        .withLabels(labels)
        .endMetadata()
        .withNewSpec()
        .withContainers(container)
        .endSpec()
        .build();
  }

  private static void createDeployment(String ns, String name, Map<String, String> labels) {
    Deployment deployment =
        new DeploymentBuilder()
            .withNewMetadata()
            .withName(name)
            .withLabels(labels)
            .endMetadata()
            .withNewSpec()
            .withNewSelector()
            .addToMatchLabels("run", name)
            .endSelector()
            .withTemplate(template(Map.of("run", name)))
            .endSpec()
            .build();
    client.apps().deployments().inNamespace(ns).resource(deployment).create();
  }

  private static Job createJob(String ns, String name, Map<String, String> labels) {
    PodTemplateSpec template =
        new PodTemplateSpecBuilder()
            .withNewSpec()
            .withRestartPolicy("Never")
            .addNewInitContainer()
            .withName("init")
            .withImage("busybox")
            .endInitContainer()
            .addNewContainer()
            .withName("single")
            .withImage("heartbeats")
            .addNewEnv()
            .withName("ONE_SHOT")
            .withValue("true")
            .endEnv()
            .endContainer()
            .endSpec()
            .build();
    Job job =
        new JobBuilder()
            .withNewMetadata()
            .withName(name)
            .withLabels(labels)
            .endMetadata()
            .withNewSpec()
            .withTemplate(template)
            .endSpec()
            .build();
    return client.batch().v1().jobs().inNamespace(ns).resource(job).create();
  }

  private static Deployment deployment(String ns, String name) {
    return client.apps().deployments().inNamespace(ns).withName(name).get();
  }

  private static Job job(String ns, String name) {
    return client.batch().v1().jobs().inNamespace(ns).withName(name).get();
  }

  private static List<String> env(Deployment deployment) {
    return env(deployment.getSpec().getTemplate(), false);
  }

  /** The env of the first container (or init container) as NAME=value lines. */
  private static List<String> env(PodTemplateSpec template, boolean init) {
    List<Container> containers =
        init ? template.getSpec().getInitContainers() : template.getSpec().getContainers();
    List<EnvVar> env = containers.get(0).getEnv();
    return env == null
        ? List.of()
        : env.stream()
            .map(e -> e.getName() + "=" + (e.getValue() == null ? "" : e.getValue()))
            .toList();
  }
}
