package dev.tributary.controller;

import dev.tributary.api.gojson.GoJson;
import dev.tributary.api.sources.sinkbinding.BindingSelection;
import dev.tributary.runtime.Env;
import dev.tributary.runtime.EnvException;
import io.fabric8.kubernetes.api.model.ConfigMap;
import io.fabric8.kubernetes.api.model.EnvVar;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;

/**
 * The {@code eventing-controller}'s configuration, read from its env as upstream's is.
 *
 * @param systemNamespace {@code SYSTEM_NAMESPACE} (default {@code knative-eventing}): where the
 *     ping adapter, the lease and the config maps live
 * @param apiServerAdapterImage {@code APISERVER_RA_IMAGE} (required, as upstream)
 * @param podName {@code POD_NAME}: this replica's identity in the lease (a random one if unset)
 * @param sinkTimeout {@code K_SINK_TIMEOUT} in seconds, passed to the ping adapter; -1 (no timeout)
 *     when unset, negative or not a number, as upstream's {@code GetSinkTimeout}
 * @param noShutdownAfter {@code K_NO_SHUTDOWN_AFTER} (0-59, default 55), passed to the ping adapter
 * @param metricsDomain {@code METRICS_DOMAIN}
 * @param loggingConfigName {@code CONFIG_LOGGING_NAME} (default {@code config-logging})
 * @param observabilityConfigName {@code CONFIG_OBSERVABILITY_NAME} (default {@code
 *     config-observability})
 * @param clusterDomain {@code CLUSTER_DOMAIN} (default {@code cluster.local}), for Service sinks
 * @param workers how many sources of each kind are reconciled at once (Tributary's {@code
 *     TRIBUTARY_CONTROLLER_WORKERS}, default 2)
 * @param sinkBindingSelection {@code SINK_BINDING_SELECTION_MODE} ({@code exclusion}, the default,
 *     or {@code inclusion}): which subjects SinkBindings may bind, as upstream
 * @param permissionRecheck how soon an ApiServerSource lacking permissions is checked again
 *     (Tributary's {@code TRIBUTARY_PERMISSION_RECHECK_SECONDS}, default 10)
 */
public record ControllerConfig(
    String systemNamespace,
    String apiServerAdapterImage,
    String podName,
    int sinkTimeout,
    int noShutdownAfter,
    String metricsDomain,
    String loggingConfigName,
    String observabilityConfigName,
    String clusterDomain,
    int workers,
    Duration permissionRecheck,
    BindingSelection sinkBindingSelection) {

  /** The lease the replicas compete for, in {@link #systemNamespace}. */
  public static final String LEASE_NAME = "eventing-controller";

  /**
   * Reads the configuration.
   *
   * @throws EnvException when {@code APISERVER_RA_IMAGE} is unset or a number is malformed
   */
  public static ControllerConfig fromEnv(Env env) {
    String podName = env.get("POD_NAME", "");
    return new ControllerConfig(
        env.get("SYSTEM_NAMESPACE", "knative-eventing"),
        env.require("APISERVER_RA_IMAGE"),
        podName.isEmpty() ? "eventing-controller-" + UUID.randomUUID() : podName,
        sinkTimeout(env.get("K_SINK_TIMEOUT")),
        noShutdownAfter(env.get("K_NO_SHUTDOWN_AFTER")),
        env.get("METRICS_DOMAIN", "knative.dev/eventing"),
        env.get("CONFIG_LOGGING_NAME", "config-logging"),
        env.get("CONFIG_OBSERVABILITY_NAME", "config-observability"),
        env.get("CLUSTER_DOMAIN", "cluster.local"),
        (int) Math.max(1, env.getInt("TRIBUTARY_CONTROLLER_WORKERS", 2)),
        Duration.ofSeconds(Math.max(1, env.getInt("TRIBUTARY_PERMISSION_RECHECK_SECONDS", 10))),
        BindingSelection.fromEnv(env.get("SINK_BINDING_SELECTION_MODE")));
  }

  /** Upstream's {@code GetSinkTimeout}: a non-negative integer, else -1. */
  static int sinkTimeout(String value) {
    if (value == null || value.isEmpty()) {
      return -1;
    }
    try {
      int seconds = Integer.parseInt(value);
      return seconds < 0 ? -1 : seconds;
    } catch (NumberFormatException e) {
      return -1;
    }
  }

  /** Upstream's {@code GetNoShutDownAfterValue}: 0-59, else 55. */
  static int noShutdownAfter(String value) {
    if (value == null || value.isEmpty()) {
      return 55;
    }
    try {
      int second = Integer.parseInt(value);
      return second < 0 || second > 59 ? 55 : second;
    } catch (NumberFormatException e) {
      return 55;
    }
  }

  /**
   * The logging and observability variables adapters get (spec §7): {@code K_LOGGING_CONFIG}
   * ({@code {"zap-logger-config":...}} from the logging ConfigMap, {@code {}} without one), {@code
   * K_KLOG_VERBOSITY} (its {@code klog-verbosity}, default {@code 0}) and {@code
   * K_OBSERVABILITY_CONFIG} ({@code {}}: the observability ConfigMap is not interpreted yet).
   *
   * @param logging the logging ConfigMap, or null when there is none
   */
  public static List<EnvVar> adapterConfigEnv(ConfigMap logging) {
    Map<String, String> data =
        logging == null || logging.getData() == null ? Map.of() : logging.getData();
    Map<String, String> loggingConfig = new TreeMap<>();
    if (data.containsKey("zap-logger-config")) {
      loggingConfig.put("zap-logger-config", data.get("zap-logger-config"));
    }
    String klog = data.getOrDefault("klog-verbosity", "");
    return List.of(
        new EnvVar("K_LOGGING_CONFIG", GoJson.write(loggingConfig), null),
        new EnvVar("K_KLOG_VERBOSITY", klog.isEmpty() ? "0" : klog, null),
        new EnvVar("K_OBSERVABILITY_CONFIG", "{}", null));
  }
}
