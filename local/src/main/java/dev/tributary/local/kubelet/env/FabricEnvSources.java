package dev.tributary.local.kubelet.env;

import io.fabric8.kubernetes.api.model.ConfigMap;
import io.fabric8.kubernetes.api.model.Secret;
import io.fabric8.kubernetes.client.KubernetesClient;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/** {@link EnvSources} read through the API with fabric8. Blocks; thread-safe. */
public final class FabricEnvSources implements EnvSources {

  private final KubernetesClient client;

  public FabricEnvSources(KubernetesClient client) {
    this.client = client;
  }

  @Override
  public Optional<Map<String, String>> configMap(String namespace, String name) {
    ConfigMap map = client.configMaps().inNamespace(namespace).withName(name).get();
    if (map == null) {
      return Optional.empty();
    }
    Map<String, String> data = new LinkedHashMap<>();
    if (map.getData() != null) {
      data.putAll(map.getData());
    }
    if (map.getBinaryData() != null) {
      map.getBinaryData().forEach((k, v) -> data.put(k, decode(v)));
    }
    return Optional.of(data);
  }

  @Override
  public Optional<Map<String, String>> secret(String namespace, String name) {
    Secret secret = client.secrets().inNamespace(namespace).withName(name).get();
    if (secret == null) {
      return Optional.empty();
    }
    Map<String, String> data = new LinkedHashMap<>();
    if (secret.getData() != null) {
      secret.getData().forEach((k, v) -> data.put(k, decode(v)));
    }
    if (secret.getStringData() != null) {
      data.putAll(secret.getStringData());
    }
    return Optional.of(data);
  }

  private static String decode(String base64) {
    return new String(Base64.getDecoder().decode(base64), StandardCharsets.UTF_8);
  }
}
