package dev.tributary.local.kubelet.env;

import io.fabric8.kubernetes.api.model.ConfigMapKeySelector;
import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.EnvFromSource;
import io.fabric8.kubernetes.api.model.EnvVar;
import io.fabric8.kubernetes.api.model.EnvVarSource;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.SecretKeySelector;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.BiFunction;
import java.util.regex.Pattern;

/**
 * A container's environment as the kubelet builds it: {@code envFrom} first (with its prefix; keys
 * that are not valid names are skipped), then {@code env} in order, each value {@code
 * $(VAR)}-expanded against what is defined so far; {@code valueFrom} reads pod fields, ConfigMaps
 * and Secrets ({@code optional} ones may be missing). Then {@link #expandAll} expands command and
 * args. Thread-safe; blocks when it reads ConfigMaps and Secrets.
 */
public final class EnvResolver {

  private static final Pattern ENV_NAME = Pattern.compile("[-._a-zA-Z][-._a-zA-Z0-9]*");

  private final EnvSources sources;

  public EnvResolver(EnvSources sources) {
    this.sources = sources;
  }

  /**
   * The container's env, in definition order.
   *
   * @param podIp the pod's address ({@code status.podIP})
   * @param hostIp the node's address ({@code status.hostIP})
   * @throws ContainerConfigException with Kubernetes' message when a required source is missing
   */
  public Map<String, String> resolve(Pod pod, Container container, String podIp, String hostIp)
      throws ContainerConfigException {
    String namespace = pod.getMetadata().getNamespace();
    Map<String, String> env = new LinkedHashMap<>();
    for (EnvFromSource from : nonNull(container.getEnvFrom())) {
      String prefix = from.getPrefix() == null ? "" : from.getPrefix();
      Optional<Map<String, String>> data;
      if (from.getConfigMapRef() != null) {
        data =
            required(
                sources.configMap(namespace, from.getConfigMapRef().getName()),
                from.getConfigMapRef().getOptional(),
                "configmap",
                from.getConfigMapRef().getName());
      } else if (from.getSecretRef() != null) {
        data =
            required(
                sources.secret(namespace, from.getSecretRef().getName()),
                from.getSecretRef().getOptional(),
                "secret",
                from.getSecretRef().getName());
      } else {
        continue;
      }
      data.ifPresent(
          values ->
              values.forEach(
                  (key, value) -> {
                    if (ENV_NAME.matcher(prefix + key).matches()) {
                      env.put(prefix + key, value);
                    }
                  }));
    }
    for (EnvVar variable : nonNull(container.getEnv())) {
      String value;
      if (variable.getValueFrom() != null) {
        value = valueFrom(pod, namespace, variable.getValueFrom(), podIp, hostIp);
        if (value == null) {
          continue; // an optional key that is missing: the variable is not set
        }
      } else {
        value = VarExpansion.expand(variable.getValue() == null ? "" : variable.getValue(), env);
      }
      env.put(variable.getName(), value);
    }
    return env;
  }

  /** {@code values} with each element {@code $(VAR)}-expanded against {@code env}. */
  public static List<String> expandAll(List<String> values, Map<String, String> env) {
    List<String> out = new ArrayList<>();
    for (String value : nonNull(values)) {
      out.add(VarExpansion.expand(value, env));
    }
    return out;
  }

  private String valueFrom(
      Pod pod, String namespace, EnvVarSource source, String podIp, String hostIp)
      throws ContainerConfigException {
    if (source.getFieldRef() != null) {
      return PodFields.value(pod, source.getFieldRef().getFieldPath(), podIp, hostIp);
    }
    if (source.getConfigMapKeyRef() != null) {
      ConfigMapKeySelector ref = source.getConfigMapKeyRef();
      return key(
          namespace,
          ref.getName(),
          ref.getKey(),
          ref.getOptional(),
          "ConfigMap",
          "configmap",
          sources::configMap);
    }
    if (source.getSecretKeyRef() != null) {
      SecretKeySelector ref = source.getSecretKeyRef();
      return key(
          namespace,
          ref.getName(),
          ref.getKey(),
          ref.getOptional(),
          "Secret",
          "secret",
          sources::secret);
    }
    throw new ContainerConfigException(
        "unsupported valueFrom: only fieldRef, configMapKeyRef and secretKeyRef are");
  }

  private static String key(
      String namespace,
      String name,
      String key,
      Boolean optional,
      String kind,
      String resource,
      BiFunction<String, String, Optional<Map<String, String>>> read)
      throws ContainerConfigException {
    Optional<Map<String, String>> data =
        required(read.apply(namespace, name), optional, resource, name);
    if (data.isEmpty()) {
      return null;
    }
    String value = data.get().get(key);
    if (value == null) {
      if (Boolean.TRUE.equals(optional)) {
        return null;
      }
      throw new ContainerConfigException(
          "couldn't find key " + key + " in " + kind + " " + namespace + "/" + name);
    }
    return value;
  }

  private static Optional<Map<String, String>> required(
      Optional<Map<String, String>> data, Boolean optional, String resource, String name)
      throws ContainerConfigException {
    if (data.isEmpty() && !Boolean.TRUE.equals(optional)) {
      throw new ContainerConfigException(resource + " \"" + name + "\" not found");
    }
    return data;
  }

  private static <T> List<T> nonNull(List<T> list) {
    return list == null ? List.of() : list;
  }
}
