package dev.tributary.controller.apiserver.resources;

import dev.tributary.api.gojson.GoJson;
import dev.tributary.api.kmeta.ChildName;
import dev.tributary.api.sources.apiserver.ApiServerSource;
import dev.tributary.api.sources.apiserver.ApiServerSourceConfig;
import dev.tributary.api.sources.apiserver.ApiServerSourceSpec;
import dev.tributary.controller.children.ControllerRefs;
import dev.tributary.controller.children.JsonTrees;
import io.fabric8.kubernetes.api.model.EnvVar;
import io.fabric8.kubernetes.api.model.EnvVarBuilder;
import io.fabric8.kubernetes.api.model.IntOrString;
import io.fabric8.kubernetes.api.model.PodSpec;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.apps.DeploymentBuilder;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The desired receive-adapter Deployment of an ApiServerSource, as upstream's {@code
 * resources.MakeReceiveAdapter} (spec §4.3): name {@code ChildName("apiserversource-<name>-",
 * uid)}, labels (also the selector), one replica, container {@code receive-adapter} with the image,
 * env, ports, probes and restricted securityContext upstream gives it. Pure.
 */
public final class ReceiveAdapter {

  /** The adapter's container name. */
  public static final String CONTAINER = "receive-adapter";

  /** {@code eventing.knative.dev/source} label value: upstream's controller agent name. */
  public static final String CONTROLLER_AGENT_NAME = "apiserver-source-controller";

  private static final String ISTIO_INJECT = "sidecar.istio.io/inject";

  private ReceiveAdapter() {}

  /**
   * What the Deployment is built from.
   *
   * @param image {@code APISERVER_RA_IMAGE}
   * @param source the source, its spec defaulted
   * @param sinkUri the resolved sink
   * @param caCerts the sink's CA certificates, or null
   * @param audience the sink's audience, or null
   * @param systemNamespace {@code SYSTEM_NAMESPACE}
   * @param configEnv the logging/observability variables (§7)
   * @param namespaces the namespaces to watch, sorted
   * @param allNamespaces watch cluster-wide
   * @param nodeSelector the pod's node selector, or empty
   * @param failFast the permission check was skipped
   */
  public record Args(
      String image,
      ApiServerSource source,
      String sinkUri,
      String caCerts,
      String audience,
      String systemNamespace,
      List<EnvVar> configEnv,
      List<String> namespaces,
      boolean allNamespaces,
      Map<String, String> nodeSelector,
      boolean failFast) {}

  /** The labels of the Deployment and its selector. */
  public static Map<String, String> labels(String sourceName) {
    Map<String, String> labels = new LinkedHashMap<>();
    labels.put("eventing.knative.dev/source", CONTROLLER_AGENT_NAME);
    labels.put("eventing.knative.dev/sourceName", sourceName);
    return labels;
  }

  /** The Deployment's name: {@code ChildName("apiserversource-<name>-", <uid>)}. */
  public static String name(ApiServerSource source) {
    return ChildName.of(
        "apiserversource-" + source.getMetadata().getName() + "-", source.getMetadata().getUid());
  }

  /**
   * The desired Deployment.
   *
   * @throws IllegalArgumentException {@code failed to parse APIVersion: ...} for a resource whose
   *     apiVersion does not parse
   */
  public static Deployment make(Args args) {
    ApiServerSource source = args.source();
    Map<String, String> labels = labels(source.getMetadata().getName());
    Map<String, String> podLabels = new LinkedHashMap<>(labels);
    podLabels.putIfAbsent(ISTIO_INJECT, "true");
    return new DeploymentBuilder()
        .withNewMetadata()
        .withNamespace(source.getMetadata().getNamespace())
        .withName(name(source))
        .withLabels(labels)
        .withOwnerReferences(ControllerRefs.of(source))
        .endMetadata()
        .withNewSpec()
        .withNewSelector()
        .withMatchLabels(labels)
        .endSelector()
        .withReplicas(1)
        .withNewTemplate()
        .withNewMetadata()
        .withAnnotations(Map.of(ISTIO_INJECT, "true"))
        .withLabels(podLabels)
        .endMetadata()
        .withNewSpec()
        .withNodeSelector(
            args.nodeSelector() == null || args.nodeSelector().isEmpty()
                ? null
                : args.nodeSelector())
        .withServiceAccountName(source.getSpec().serviceAccountName())
        .withEnableServiceLinks(false)
        .addNewContainer()
        .withName(CONTAINER)
        .withImage(args.image())
        .withEnv(env(args))
        .addNewPort()
        .withName("metrics")
        .withContainerPort(9092)
        .endPort()
        .addNewPort()
        .withName("probes")
        .withContainerPort(8080)
        .endPort()
        .withNewReadinessProbe()
        .withNewHttpGet()
        .withPath("readiness")
        .withPort(new IntOrString("probes"))
        .endHttpGet()
        .endReadinessProbe()
        .withNewLivenessProbe()
        .withNewHttpGet()
        .withPath("health")
        .withPort(new IntOrString("probes"))
        .endHttpGet()
        .endLivenessProbe()
        .withNewSecurityContext()
        .withAllowPrivilegeEscalation(false)
        .withReadOnlyRootFilesystem(true)
        .withRunAsNonRoot(true)
        .withNewCapabilities()
        .withDrop("ALL")
        .endCapabilities()
        .withNewSeccompProfile()
        .withType("RuntimeDefault")
        .endSeccompProfile()
        .endSecurityContext()
        .endContainer()
        .endSpec()
        .endTemplate()
        .endSpec()
        .build();
  }

  /** The adapter's env, in upstream's order. */
  static List<EnvVar> env(Args args) {
    ApiServerSourceSpec spec = args.source().getSpec();
    ApiServerSourceConfig config =
        ApiServerSourceConfig.of(spec, args.namespaces(), args.allNamespaces(), args.failFast());
    List<EnvVar> env = new ArrayList<>();
    env.add(value("K_SINK", args.sinkUri()));
    env.add(value(ApiServerSourceConfig.ENV, config.toJson()));
    env.add(value("SYSTEM_NAMESPACE", args.systemNamespace()));
    env.add(
        new EnvVarBuilder()
            .withName("NAMESPACE")
            .withNewValueFrom()
            .withNewFieldRef()
            .withFieldPath("metadata.namespace")
            .endFieldRef()
            .endValueFrom()
            .build());
    env.add(value("NAME", args.source().getMetadata().getName()));
    env.add(value("METRICS_DOMAIN", "knative.dev/eventing"));
    if (args.caCerts() != null) {
      env.add(value("K_CA_CERTS", args.caCerts()));
    }
    if (args.audience() != null) {
      env.add(value("K_AUDIENCE", args.audience()));
    }
    env.addAll(args.configEnv());
    if (spec.ceOverrides() != null) {
      env.add(value("K_CE_OVERRIDES", GoJson.write(spec.ceOverrides())));
    }
    return env;
  }

  /**
   * Upstream's {@code podSpecChanged}: the desired pod spec is not a semantic subset of the live
   * one, or the containers differ in number, or any container's env differs. Upstream compares env
   * with DeepEqual; here a live env counts as equal when it has as many variables and holds the
   * desired ones as a semantic subset, so fields the API server defaults (a fieldRef's {@code
   * apiVersion}) do not cause an update on every reconcile, while a removed variable still does.
   */
  public static boolean podSpecChanged(PodSpec live, PodSpec desired, JsonTrees trees) {
    if (!trees.isDerivative(desired, live)) {
      return true;
    }
    int liveCount = live.getContainers() == null ? 0 : live.getContainers().size();
    int desiredCount = desired.getContainers() == null ? 0 : desired.getContainers().size();
    if (liveCount != desiredCount) {
      return true;
    }
    for (int i = 0; i < desiredCount; i++) {
      List<EnvVar> desiredEnv = desired.getContainers().get(i).getEnv();
      List<EnvVar> liveEnv = live.getContainers().get(i).getEnv();
      int desiredSize = desiredEnv == null ? 0 : desiredEnv.size();
      int liveSize = liveEnv == null ? 0 : liveEnv.size();
      if (desiredSize != liveSize || !trees.isDerivative(desiredEnv, liveEnv)) {
        return true;
      }
    }
    return false;
  }

  private static EnvVar value(String name, String value) {
    return new EnvVar(name, value, null);
  }
}
