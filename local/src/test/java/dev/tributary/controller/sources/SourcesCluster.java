package dev.tributary.controller.sources;

import dev.tributary.api.duck.Condition;
import dev.tributary.api.duck.Conditioned;
import dev.tributary.controller.ControllerProgram;
import dev.tributary.local.apiserver.Kubectl;
import dev.tributary.local.apiserver.TestCluster;
import dev.tributary.runtime.Env;
import dev.tributary.runtime.Launch;
import dev.tributary.runtime.ProgramRuntime;
import dev.tributary.runtime.RecordingLogSink;
import dev.tributary.testing.ClusterObjects;
import io.fabric8.kubernetes.api.model.Event;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.NamespaceBuilder;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.apps.DeploymentBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

/**
 * A local API server with the four source CRDs, the {@code knative-eventing} namespace with the
 * {@code pingsource-mt-adapter} Deployment as the release manifest creates it (replicas 0,
 * container {@code dispatcher}), a test namespace, and eventing-controller replicas run in-process.
 * Closing it stops the controllers, then the server.
 */
final class SourcesCluster implements AutoCloseable {

  static final String SYSTEM_NAMESPACE = "knative-eventing";
  static final String NAMESPACE = "sources";
  static final String RA_IMAGE = "example.dev/apiserver-receive-adapter:test";

  final TestCluster cluster;
  final KubernetesClient admin;
  private final List<ProgramRuntime> controllers = new ArrayList<>();

  private SourcesCluster(TestCluster cluster) throws Exception {
    this.cluster = cluster;
    this.admin = cluster.client();
  }

  static SourcesCluster start(Path dir) throws Exception {
    SourcesCluster sources = new SourcesCluster(TestCluster.start(dir));
    try {
      for (String crd :
          List.of(
              "pingsources.sources.knative.dev",
              "apiserversources.sources.knative.dev",
              "containersources.sources.knative.dev",
              "sinkbindings.sources.knative.dev")) {
        sources.installCrd(crd);
      }
      sources.createNamespace(SYSTEM_NAMESPACE);
      sources.createNamespace(NAMESPACE);
      sources.admin.resource(mtAdapter()).create();
      return sources;
    } catch (Exception e) {
      sources.close();
      throw e;
    }
  }

  /** Starts one eventing-controller replica with {@code podName} as its identity. */
  ProgramRuntime startController(String podName, RecordingLogSink log) {
    Map<String, String> env = new HashMap<>();
    env.put("KUBECONFIG", cluster.kubeconfig.toString());
    env.put("METRICS_PROMETHEUS_PORT", "0");
    env.put("PROBES_PORT", "0");
    env.put("SYSTEM_NAMESPACE", SYSTEM_NAMESPACE);
    env.put("APISERVER_RA_IMAGE", RA_IMAGE);
    env.put("POD_NAME", podName);
    env.put("K_SINK_TIMEOUT", "7");
    env.put("TRIBUTARY_PERMISSION_RECHECK_SECONDS", "1");
    ProgramRuntime runtime =
        ProgramRuntime.start(
            new ControllerProgram(),
            Launch.of(Env.of(env), List.of(), log).withBindHost("127.0.0.1"));
    synchronized (controllers) {
      controllers.add(runtime);
    }
    return runtime;
  }

  Kubectl kubectl(Path home) {
    return new Kubectl(home, cluster.kubeconfig);
  }

  /** Marks a Deployment available, as a Deployment controller and kubelet would. */
  void markAvailable(String namespace, String name) {
    ClusterObjects.markAvailable(admin, namespace, name);
  }

  /** The Events recorded about {@code object}'s namespace and name. */
  List<Event> events(String namespace, String involvedName) {
    return admin.v1().events().inNamespace(namespace).list().getItems().stream()
        .filter(e -> involvedName.equals(e.getInvolvedObject().getName()))
        .toList();
  }

  boolean hasEvent(String namespace, String involvedName, String reason, String message) {
    return events(namespace, involvedName).stream()
        .anyMatch(e -> reason.equals(e.getReason()) && message.equals(e.getMessage()));
  }

  /** The release manifest's pingsource-mt-adapter, abridged to what the controller touches. */
  static Deployment mtAdapter() {
    Map<String, String> labels =
        Map.of(
            "eventing.knative.dev/source", "ping-source-controller",
            "sources.knative.dev/role", "adapter");
    return new DeploymentBuilder()
        .withNewMetadata()
        .withNamespace(SYSTEM_NAMESPACE)
        .withName("pingsource-mt-adapter")
        .addToLabels("bindings.knative.dev/exclude", "true")
        .endMetadata()
        .withNewSpec()
        .withReplicas(0)
        .withNewSelector()
        .withMatchLabels(labels)
        .endSelector()
        .withNewTemplate()
        .withNewMetadata()
        .withLabels(labels)
        .endMetadata()
        .withNewSpec()
        .withServiceAccountName("pingsource-mt-adapter")
        .addNewContainer()
        .withName("dispatcher")
        .withImage("example.dev/mtping:test")
        .addNewEnv()
        .withName("POD_NAME")
        .withNewValueFrom()
        .withNewFieldRef()
        .withFieldPath("metadata.name")
        .endFieldRef()
        .endValueFrom()
        .endEnv()
        .addNewEnv()
        .withName("K_SINK_TIMEOUT")
        .withValue("-1")
        .endEnv()
        .endContainer()
        .endSpec()
        .endTemplate()
        .endSpec()
        .build();
  }

  private void installCrd(String name) throws Exception {
    ClusterObjects.installSourceCrd(admin, name);
  }

  /** Creates the namespace unless the server already has it (it makes knative-eventing). */
  private void createNamespace(String name) {
    if (admin.namespaces().withName(name).get() == null) {
      admin
          .namespaces()
          .resource(new NamespaceBuilder().withNewMetadata().withName(name).endMetadata().build())
          .create();
    }
  }

  /** The {@code type} object {@code name} in {@link #NAMESPACE}, or null. */
  <T extends HasMetadata> T get(Class<T> type, String name) {
    return admin.resources(type).inNamespace(NAMESPACE).withName(name).get();
  }

  /** The condition of {@code type} in {@code status} (none for a missing status). */
  static Optional<Condition> condition(Conditioned status, String type) {
    return status == null
        ? Optional.empty()
        : status.getConditions().stream().filter(c -> c.type().equals(type)).findFirst();
  }

  static String key(HasMetadata object) {
    return object.getMetadata().getNamespace() + "/" + object.getMetadata().getName();
  }

  @Override
  public void close() throws Exception {
    List<ProgramRuntime> running;
    synchronized (controllers) {
      running = List.copyOf(controllers);
    }
    for (ProgramRuntime runtime : running) {
      runtime
          .stop(Duration.ofSeconds(20))
          .toCompletionStage()
          .toCompletableFuture()
          .get(30, TimeUnit.SECONDS);
    }
    cluster.close();
  }
}
