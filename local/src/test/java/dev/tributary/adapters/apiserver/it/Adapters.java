package dev.tributary.adapters.apiserver.it;

import static org.awaitility.Awaitility.await;

import dev.tributary.adapters.apiserver.ReceiveAdapterProgram;
import dev.tributary.runtime.Env;
import dev.tributary.runtime.KubeClients;
import dev.tributary.runtime.Launch;
import dev.tributary.runtime.ProgramRuntime;
import dev.tributary.runtime.RecordingLogSink;
import io.fabric8.kubernetes.api.model.NamespaceBuilder;
import io.fabric8.kubernetes.client.Config;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientBuilder;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/** Runs receive adapters in-process against a test cluster, as the kubelet would run the pod. */
final class Adapters {

  private Adapters() {}

  /** One running adapter and its log. */
  record Running(ProgramRuntime runtime, RecordingLogSink log) {

    void awaitEstablished() {
      await()
          .atMost(Duration.ofSeconds(30))
          .until(() -> log.text().contains("msg=\"watches established\""));
    }

    int stop() throws Exception {
      return runtime.stop().toCompletionStage().toCompletableFuture().get(40, TimeUnit.SECONDS);
    }
  }

  static Running start(
      Path kubeconfig, String sink, String namespace, String name, String sourceConfig) {
    return start(kubeconfig, sink, namespace, name, sourceConfig, null);
  }

  /**
   * Starts an adapter.
   *
   * @param impersonate the user the adapter acts as (e.g. a ServiceAccount), or null for admin
   */
  static Running start(
      Path kubeconfig,
      String sink,
      String namespace,
      String name,
      String sourceConfig,
      String impersonate) {
    return start(
        kubeconfig,
        sink,
        namespace,
        name,
        sourceConfig,
        impersonate,
        ReceiveAdapterProgram.QUEUE_CAPACITY);
  }

  /** Starts an adapter with a delivery queue of {@code queueCapacity}. */
  static Running start(
      Path kubeconfig,
      String sink,
      String namespace,
      String name,
      String sourceConfig,
      String impersonate,
      int queueCapacity) {
    Map<String, String> env = new HashMap<>();
    env.put("KUBECONFIG", kubeconfig.toString());
    env.put("METRICS_PROMETHEUS_PORT", "0");
    env.put("PROBES_PORT", "0");
    env.put("K_SINK", sink);
    env.put("NAMESPACE", namespace);
    env.put("NAME", name);
    env.put("K_SOURCE_CONFIG", sourceConfig);
    env.put("SYSTEM_NAMESPACE", "knative-eventing");
    RecordingLogSink log = new RecordingLogSink();
    ReceiveAdapterProgram program =
        new ReceiveAdapterProgram(
            e -> {
              Config config = KubeClients.config(e);
              if (impersonate != null) {
                config.setImpersonateUsername(impersonate);
              }
              return new KubernetesClientBuilder().withConfig(config).build();
            },
            queueCapacity);
    ProgramRuntime runtime =
        ProgramRuntime.start(
            program, Launch.of(Env.of(env), List.of(), log).withBindHost("127.0.0.1"));
    return new Running(runtime, log);
  }

  static void namespace(KubernetesClient client, String name) {
    client
        .namespaces()
        .resource(new NamespaceBuilder().withNewMetadata().withName(name).endMetadata().build())
        .create();
  }

  /** K_SOURCE_CONFIG for one resource in one namespace. */
  static String config(
      String namespace, String version, String resource, String selector, String mode) {
    return config(namespace, version, resource, selector, mode, "");
  }

  static String config(
      String namespace,
      String version,
      String resource,
      String selector,
      String mode,
      String filtersJson) {
    return "{\"namespaces\":[\""
        + namespace
        + "\"],\"allNamespaces\":false,\"resources\":[{\"gvr\":{\"Group\":\"\",\"Version\":\""
        + version
        + "\",\"Resource\":\""
        + resource
        + "\"}"
        + (selector.isEmpty() ? "" : ",\"selector\":\"" + selector + "\"")
        + "}],\"mode\":\""
        + mode
        + "\""
        + (filtersJson.isEmpty() ? "" : ",\"filters\":" + filtersJson)
        + "}";
  }
}
