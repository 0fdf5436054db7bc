package dev.tributary.acceptance;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.tributary.adapters.ping.PingEventIds;
import dev.tributary.local.apiserver.Kubectl;
import dev.tributary.runtime.ProgramRuntime;
import dev.tributary.testing.RecordingSink;
import io.cloudevents.CloudEvent;
import io.fabric8.kubernetes.api.model.EnvVar;
import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.api.model.PodTemplateSpec;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.batch.v1.Job;
import io.fabric8.kubernetes.client.dsl.base.ResourceDefinitionContext;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 4's acceptance, steps 1-6: the control plane of {@code release.yaml} (see {@link
 * ControlPlane}) driven with the real kubectl, delivering to a recording sink on loopback. Each
 * test works in a namespace of its own.
 */
class ControlPlaneAcceptanceIT {

  private static final Duration WAIT = ControlPlane.WAIT;

  @TempDir static Path dir;
  static ControlPlane plane;
  static Kubectl kubectl;
  private static ProgramRuntime pingAdapter;

  @BeforeAll
  static void start() throws Exception {
    assumeTrue(Kubectl.installed(), "kubectl is not on the PATH");
    plane = ControlPlane.start(dir);
    kubectl = plane.kubectl;
  }

  @AfterAll
  static void stop() throws Exception {
    if (plane != null) {
      plane.close();
    }
  }

  // ---- 1. PingSource -------------------------------------------------------------------------

  @Test
  void aPingSourceWithASecondsScheduleDeliversTicksWithDeterministicIds() throws Exception {
    namespace("ping");
    Instant before = Instant.now().truncatedTo(ChronoUnit.SECONDS);
    apply(
        """
        apiVersion: sources.knative.dev/v1
        kind: PingSource
        metadata:
          name: x
          namespace: ping
        spec:
          schedule: "*/1 * * * * *"
          data: '{"message": "hello, world!"}'
          sink:
            uri: %s
        """
            .formatted(plane.sink.url()));
    pingAdapter();

    ok(kubectl.run("wait", "-n", "ping", "--for=condition=Ready", "pingsource/x", "--timeout=60s"));
    String table = ok(kubectl.run("get", "pingsource", "-n", "ping"));
    assertThat(table.lines().findFirst().orElseThrow())
        .containsPattern("NAME +SINK +SCHEDULE +AGE +READY +REASON");
    assertThat(table)
        .containsPattern("x +" + plane.sink.url() + " +\\*/1 \\* \\* \\* \\* \\* +\\S+ +True");

    String source = "/apis/v1/namespaces/ping/pingsources/x";
    await("three ticks").atMost(WAIT).until(() -> from(source).size() >= 3);
    Instant after = Instant.now();
    String uid =
        plane
            .admin
            .genericKubernetesResources(pingSources())
            .inNamespace("ping")
            .withName("x")
            .get()
            .getMetadata()
            .getUid();
    Set<String> possible = new HashSet<>();
    for (Instant t = before; !t.isAfter(after); t = t.plusSeconds(1)) {
      possible.add(PingEventIds.id(uid, t).toString());
    }
    List<CloudEvent> ticks = from(source);
    assertThat(ticks)
        .allSatisfy(e -> assertThat(e.getType()).isEqualTo("dev.knative.sources.ping"));
    assertThat(ticks).extracting(CloudEvent::getId).doesNotHaveDuplicates().isSubsetOf(possible);
    assertThat(RecordingSink.data(ticks.get(0))).isEqualTo("{\"message\": \"hello, world!\"}");
  }

  // ---- 2. ApiServerSource --------------------------------------------------------------------

  @Test
  void anApiServerSourceNeedsItsRbacThenDeliversEveryChangeAcrossARestart() throws Exception {
    namespace("apis");
    ok(kubectl.run("create", "serviceaccount", "events-sa", "-n", "apis"));
    apply(
        """
        apiVersion: sources.knative.dev/v1
        kind: ApiServerSource
        metadata:
          name: watcher
          namespace: apis
        spec:
          serviceAccountName: events-sa
          mode: Resource
          resources:
          - apiVersion: v1
            kind: Event
          sink:
            uri: %s
        """
            .formatted(plane.sink.url()));

    String denied =
        "User system:serviceaccount:apis:events-sa cannot get, list, watch resource \"events\""
            + " in API group \"\" in Namespace \"apis\"";
    await("SufficientPermissions False")
        .atMost(WAIT)
        .until(
            () ->
                denied.equals(
                    conditionMessage("apis", "watcher", "SufficientPermissions", "False")));

    // The walkthrough's RBAC (rbac.yaml, corrected), bound in this namespace, plus what the
    // adapter needs to keep its checkpoint (docs/install.md).
    apply(
        """
        apiVersion: rbac.authorization.k8s.io/v1
        kind: ClusterRole
        metadata:
          name: event-watcher
        rules:
        - apiGroups: [""]
          resources: ["events"]
          verbs: ["get", "list", "watch"]
        ---
        apiVersion: rbac.authorization.k8s.io/v1
        kind: ClusterRoleBinding
        metadata:
          name: k8s-ra-event-watcher
        roleRef:
          apiGroup: rbac.authorization.k8s.io
          kind: ClusterRole
          name: event-watcher
        subjects:
        - kind: ServiceAccount
          name: events-sa
          namespace: apis
        ---
        apiVersion: rbac.authorization.k8s.io/v1
        kind: Role
        metadata:
          name: apiserversource-checkpoint
          namespace: apis
        rules:
        - apiGroups: [""]
          resources: ["configmaps"]
          verbs: ["get", "create", "update", "patch"]
        ---
        apiVersion: rbac.authorization.k8s.io/v1
        kind: RoleBinding
        metadata:
          name: apiserversource-checkpoint
          namespace: apis
        roleRef:
          apiGroup: rbac.authorization.k8s.io
          kind: Role
          name: apiserversource-checkpoint
        subjects:
        - kind: ServiceAccount
          name: events-sa
          namespace: apis
        """);
    await("SufficientPermissions True, without touching the source")
        .atMost(WAIT)
        .until(() -> conditionStatus("apis", "watcher", "SufficientPermissions").equals("True"));
    await("the receive adapter Deployment")
        .atMost(WAIT)
        .until(() -> adapterDeployment("apis") != null);
    String adapterName = adapterDeployment("apis").getMetadata().getName();
    assertThat(adapterName).startsWith("apiserversource-watcher-");
    ProgramRuntime adapter = plane.startReceiveAdapter("apis", adapterName);
    ok(
        kubectl.run(
            "wait",
            "-n",
            "apis",
            "--for=condition=Ready",
            "apiserversource/watcher",
            "--timeout=60s"));

    createEvent("apis", "first", "Created container busybox");
    await("an add event for the first core Event")
        .atMost(WAIT)
        .until(() -> types("apis", "first").contains("dev.knative.apiserver.resource.add"));
    CloudEvent add = plane.sink.about("first").get(0);
    assertThat(add.getSource().toString()).startsWith("https://127.0.0.1:");
    assertThat(add.getExtension("kind")).isEqualTo("Event");
    assertThat(RecordingSink.data(add)).contains("\"message\":\"Created container busybox\"");

    // Down while things change: a new object, an update, a deletion.
    adapter.stop(Duration.ofSeconds(15)).await(30, TimeUnit.SECONDS);
    createEvent("apis", "second", "Started container busybox");
    plane
        .admin
        .v1()
        .events()
        .inNamespace("apis")
        .withName("first")
        .edit(
            e -> {
              e.setMessage("Pulled image");
              return e;
            });
    plane.admin.v1().events().inNamespace("apis").withName("second").delete();
    plane.startReceiveAdapter("apis", adapterName);

    await("every change made while the adapter was down")
        .atMost(WAIT)
        .until(
            () ->
                types("apis", "first").contains("dev.knative.apiserver.resource.update")
                    && types("apis", "second").contains("dev.knative.apiserver.resource.delete"));
    assertThat(types("apis", "second")).first().isEqualTo("dev.knative.apiserver.resource.add");
  }

  // ---- 3. ContainerSource --------------------------------------------------------------------

  @Test
  void aContainerSourceRunsItsDeploymentWithTheResolvedSinkAndTurnsReady() throws Exception {
    namespace("containers");
    service("containers", "event-display");
    apply(
        """
        apiVersion: sources.knative.dev/v1
        kind: ContainerSource
        metadata:
          name: test-container-source
          namespace: containers
        spec:
          template:
            spec:
              containers:
              - image: docker.io/coldtea214/heartbeats:1.0
                name: heartbeats
                args:
                - --period=1
                env:
                - name: POD_NAME
                  value: "mypod"
                - name: POD_NAMESPACE
                  value: "event-test"
          sink:
            ref:
              apiVersion: v1
              kind: Service
              name: event-display
        """);
    await("K_SINK injected into test-container-source-deployment")
        .atMost(WAIT)
        .until(
            () ->
                "http://event-display.containers.svc.cluster.local"
                    .equals(
                        envOf(
                            plane.deployment("containers", "test-container-source-deployment"),
                            "K_SINK")));
    assertThat(conditionStatus("containers", "test-container-source", "Ready", "containersources"))
        .isNotEqualTo("True");
    plane.markAvailable("containers", "test-container-source-deployment");
    ok(
        kubectl.run(
            "wait",
            "-n",
            "containers",
            "--for=condition=Ready",
            "containersource/test-container-source",
            "--timeout=60s"));
    assertThat(ok(kubectl.run("get", "containersource", "-n", "containers")))
        .contains("http://event-display.containers.svc.cluster.local");
  }

  // ---- 4. SinkBinding ------------------------------------------------------------------------

  @Test
  void aSinkBindingInjectsJobsCreatedAfterItAndDeletingItUnbindsItsSubjects() throws Exception {
    namespace("bindings");
    service("bindings", "event-display");
    apply(
        """
        apiVersion: apps/v1
        kind: Deployment
        metadata:
          name: consumer
          namespace: bindings
          labels: {app: consumer}
        spec:
          selector: {matchLabels: {app: consumer}}
          template:
            metadata: {labels: {app: consumer}}
            spec:
              containers:
              - name: main
                image: docker.io/coldtea214/heartbeats:1.0
        """);
    // The walkthrough's sinkbinding.yaml, and a second binding over the Deployment.
    ok(kubectl.run("apply", "-n", "bindings", "-f", example("sinkbinding.yaml").toString()));
    apply(
        """
        apiVersion: sources.knative.dev/v1
        kind: SinkBinding
        metadata:
          name: consumer-binding
          namespace: bindings
        spec:
          subject:
            apiVersion: apps/v1
            kind: Deployment
            selector:
              matchLabels: {app: consumer}
          sink:
            ref: {apiVersion: v1, kind: Service, name: event-display}
        """);
    ok(
        kubectl.run(
            "wait",
            "-n",
            "bindings",
            "--for=condition=Ready",
            "sinkbinding/test-sink-binding",
            "sinkbinding/consumer-binding",
            "--timeout=60s"));

    apply(
        """
        apiVersion: batch/v1
        kind: Job
        metadata:
          name: heartbeat-1
          namespace: bindings
          labels: {app: heartbeat-cron}
        spec:
          template:
            metadata: {labels: {app: heartbeat-cron}}
            spec:
              restartPolicy: Never
              containers:
              - name: single-heartbeat
                image: docker.io/coldtea214/heartbeats:1.0
                env:
                - {name: ONE_SHOT, value: "true"}
        """);
    Job job = plane.admin.batch().v1().jobs().inNamespace("bindings").withName("heartbeat-1").get();
    assertThat(env(job.getSpec().getTemplate(), "K_SINK"))
        .isEqualTo("http://event-display.bindings.svc.cluster.local");
    assertThat(env(job.getSpec().getTemplate(), "K_CE_OVERRIDES"))
        .isEqualTo("{\"extensions\":{\"hello\":\"world\"}}");
    await("the existing Deployment is bound by the reconciler")
        .atMost(WAIT)
        .until(() -> envOf(plane.deployment("bindings", "consumer"), "K_SINK") != null);

    ok(
        kubectl.run(
            "delete", "sinkbinding", "consumer-binding", "test-sink-binding", "-n", "bindings"));
    await("the Deployment is unbound")
        .atMost(WAIT)
        .until(() -> envOf(plane.deployment("bindings", "consumer"), "K_SINK") == null);
    apply(
        """
        apiVersion: batch/v1
        kind: Job
        metadata:
          name: heartbeat-2
          namespace: bindings
          labels: {app: heartbeat-cron}
        spec:
          template:
            metadata: {labels: {app: heartbeat-cron}}
            spec:
              restartPolicy: Never
              containers:
              - name: single-heartbeat
                image: docker.io/coldtea214/heartbeats:1.0
        """);
    Job unbound =
        plane.admin.batch().v1().jobs().inNamespace("bindings").withName("heartbeat-2").get();
    assertThat(env(unbound.getSpec().getTemplate(), "K_SINK")).isNull();
  }

  // ---- 5. A sink that appears later ------------------------------------------------------------

  @Test
  void aSourceWhoseSinkServiceAppearsLaterTurnsReadyWithoutBeingTouched() throws Exception {
    namespace("late");
    apply(
        """
        apiVersion: sources.knative.dev/v1
        kind: PingSource
        metadata:
          name: early
          namespace: late
        spec:
          schedule: "* * * * *"
          sink:
            ref: {apiVersion: v1, kind: Service, name: late-display}
        """);
    pingAdapter();
    await("SinkProvided False while the Service is missing")
        .atMost(WAIT)
        .until(() -> conditionStatus("late", "early", "SinkProvided").equals("False"));
    long generation =
        plane
            .admin
            .genericKubernetesResources(pingSources())
            .inNamespace("late")
            .withName("early")
            .get()
            .getMetadata()
            .getGeneration();

    service("late", "late-display");

    ok(
        kubectl.run(
            "wait", "-n", "late", "--for=condition=Ready", "pingsource/early", "--timeout=60s"));
    GenericKubernetesResource source =
        plane
            .admin
            .genericKubernetesResources(pingSources())
            .inNamespace("late")
            .withName("early")
            .get();
    assertThat(source.getMetadata().getGeneration()).isEqualTo(generation);
    assertThat(((Map<?, ?>) source.getAdditionalProperties().get("status")).get("sinkUri"))
        .isEqualTo("http://late-display.late.svc.cluster.local");
  }

  // ---- 6. Invalid sources --------------------------------------------------------------------

  @Test
  void invalidSourcesAreRejectedByTheWebhookWithEveryFieldError() throws Exception {
    namespace("invalid");
    Kubectl.Result ping =
        kubectl.run(
            "apply",
            "-f",
            write(
                    """
                    apiVersion: sources.knative.dev/v1
                    kind: PingSource
                    metadata:
                      name: bad
                      namespace: invalid
                    spec:
                      schedule: "every minute"
                      data: "a"
                      dataBase64: "YQ=="
                    """)
                .toString());
    assertThat(ping.exitCode()).isNotZero();
    assertThat(ping.output())
        .contains(
            "admission webhook \"validation.webhook.eventing.knative.dev\" denied the request")
        .contains("spec.schedule")
        .contains("expected exactly one, got both: spec.data, spec.dataBase64")
        .contains("expected at least one, got none: spec.sink.ref, spec.sink.uri");

    Kubectl.Result mode =
        kubectl.run(
            "apply",
            "-f",
            write(
                    """
                    apiVersion: sources.knative.dev/v1
                    kind: ApiServerSource
                    metadata:
                      name: bad-mode
                      namespace: invalid
                    spec:
                      mode: Unknown
                      resources:
                      - apiVersion: v1
                        kind: Event
                      sink:
                        uri: http://example.com
                    """)
                .toString());
    assertThat(mode.exitCode()).isNotZero();
    assertThat(mode.output()).contains("invalid value: Unknown: spec.mode");

    assertThat(ok(kubectl.run("get", "pingsource,apiserversource", "-n", "invalid")))
        .doesNotContain("bad");
  }

  // ---- helpers -------------------------------------------------------------------------------

  private static synchronized void pingAdapter() {
    if (pingAdapter == null) {
      pingAdapter = plane.startPingAdapter();
    }
  }

  private static String ok(Kubectl.Result result) {
    assertThat(result.exitCode()).as(result.output()).isZero();
    // In the test's output (failsafe-reports/*-output.txt): what a user would have seen.
    System.out.print(result.output());
    return result.output();
  }

  private static void namespace(String name) throws Exception {
    ok(kubectl.run("create", "namespace", name));
  }

  private static void service(String namespace, String name) throws Exception {
    ok(kubectl.run("create", "service", "clusterip", name, "--tcp=80:8080", "-n", namespace));
  }

  private static void apply(String yaml) throws Exception {
    ok(kubectl.run("apply", "-f", write(yaml).toString()));
  }

  private static Path write(String yaml) throws Exception {
    Path file = Files.createTempFile(dir, "manifest", ".yaml");
    Files.writeString(file, yaml);
    return file;
  }

  private static Path example(String name) {
    return Path.of(System.getProperty("basedir", "."), "..", "examples", name).normalize();
  }

  private static ResourceDefinitionContext pingSources() {
    return kind("pingsources", "PingSource");
  }

  private static ResourceDefinitionContext kind(String plural, String kind) {
    return new ResourceDefinitionContext.Builder()
        .withGroup("sources.knative.dev")
        .withVersion("v1")
        .withPlural(plural)
        .withKind(kind)
        .withNamespaced(true)
        .build();
  }

  private static String conditionStatus(String namespace, String name, String type) {
    return conditionStatus(namespace, name, type, "apiserversources", "pingsources");
  }

  private static String conditionStatus(
      String namespace, String name, String type, String... plurals) {
    Map<?, ?> condition = condition(namespace, name, type, plurals);
    return condition == null ? "" : String.valueOf(condition.get("status"));
  }

  private static String conditionMessage(
      String namespace, String name, String type, String status) {
    Map<?, ?> condition = condition(namespace, name, type, "apiserversources");
    return condition != null && status.equals(condition.get("status"))
        ? String.valueOf(condition.get("message"))
        : null;
  }

  private static Map<?, ?> condition(
      String namespace, String name, String type, String... plurals) {
    for (String plural : plurals) {
      GenericKubernetesResource object =
          plane
              .admin
              .genericKubernetesResources(kind(plural, "x"))
              .inNamespace(namespace)
              .withName(name)
              .get();
      if (object == null
          || !(object.getAdditionalProperties().get("status") instanceof Map<?, ?> status)) {
        continue;
      }
      if (status.get("conditions") instanceof List<?> conditions) {
        for (Object c : conditions) {
          if (c instanceof Map<?, ?> condition && type.equals(condition.get("type"))) {
            return condition;
          }
        }
      }
    }
    return null;
  }

  private static Deployment adapterDeployment(String namespace) {
    return plane
        .admin
        .apps()
        .deployments()
        .inNamespace(namespace)
        .withLabel("eventing.knative.dev/source", "apiserver-source-controller")
        .list()
        .getItems()
        .stream()
        .findFirst()
        .orElse(null);
  }

  private static String envOf(Deployment deployment, String name) {
    return deployment == null ? null : env(deployment.getSpec().getTemplate(), name);
  }

  private static String env(PodTemplateSpec template, String name) {
    return template.getSpec().getContainers().stream()
        .flatMap(
            c -> c.getEnv() == null ? java.util.stream.Stream.<EnvVar>empty() : c.getEnv().stream())
        .filter(e -> e.getName().equals(name))
        .map(EnvVar::getValue)
        .findFirst()
        .orElse(null);
  }

  private static void createEvent(String namespace, String name, String message) throws Exception {
    apply(
        """
        apiVersion: v1
        kind: Event
        metadata:
          name: %s
          namespace: %s
        involvedObject:
          kind: Pod
          name: busybox
          namespace: %s
        reason: Created
        message: %s
        type: Normal
        """
            .formatted(name, namespace, namespace, message));
  }

  private static List<CloudEvent> from(String source) {
    return plane.sink.events().stream()
        .filter(e -> source.equals(e.getSource().toString()))
        .toList();
  }

  private static List<String> types(String namespace, String name) {
    return plane.sink.about(name).stream()
        .filter(e -> namespace.equals(e.getExtension("namespace")))
        .map(CloudEvent::getType)
        .toList();
  }
}
