package dev.tributary.local.kubelet.env;

import java.util.Map;
import java.util.Optional;

/**
 * Where {@code configMapKeyRef}, {@code secretKeyRef} and {@code envFrom} read their data. May
 * block on the API.
 */
public interface EnvSources {

  /** The ConfigMap's data ({@code data} and {@code binaryData} decoded), empty when absent. */
  Optional<Map<String, String>> configMap(String namespace, String name);

  /** The Secret's data, base64-decoded, empty when absent. */
  Optional<Map<String, String>> secret(String namespace, String name);
}
