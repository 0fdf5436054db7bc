package dev.tributary.adapters.apiserver;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import dev.tributary.api.kmeta.ChildName;
import io.fabric8.kubernetes.api.model.ConfigMap;
import io.fabric8.kubernetes.api.model.ConfigMapBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientException;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Keeps the adapter's {@link Checkpoint}s in a ConfigMap it owns, in its own namespace, named
 * {@code <NAME>-apiserversource-checkpoint} (shortened with a hash as {@link ChildName} does when
 * too long), one data key per watch (see {@link WatchTarget#id}) whose value is the checkpoint as
 * JSON. The ConfigMap is labelled {@code sources.knative.dev/apiserversource-checkpoint: <NAME>}.
 *
 * <p>It needs {@code get}, {@code create} and {@code update} on {@code configmaps} in the adapter's
 * namespace. Without them, reads and writes fail with a {@link KubernetesClientException} the
 * caller logs, and the adapter goes on without checkpoints (upstream's behaviour).
 *
 * <p>A ConfigMap holds at most 1 MiB: when the checkpoints with their object lists would not fit in
 * {@link #MAX_BYTES}, the object lists are left out (so the difference after a 410 cannot be
 * computed for them; see {@link ResourceWatcher}).
 *
 * <p>Blocking (HTTP calls): call only from a worker thread. Thread-safe.
 */
final class CheckpointStore {

  /** The label naming the source a checkpoint ConfigMap belongs to. */
  static final String LABEL = "sources.knative.dev/apiserversource-checkpoint";

  /** What the checkpoints may take, leaving room under the 1 MiB object limit. */
  static final int MAX_BYTES = 900 * 1024;

  private static final ObjectMapper JSON = JsonMapper.builder().build();

  private final KubernetesClient client;
  private final String namespace;
  private final String sourceName;
  private final String configMapName;

  CheckpointStore(KubernetesClient client, String namespace, String sourceName) {
    this.client = client;
    this.namespace = namespace;
    this.sourceName = sourceName;
    this.configMapName = configMapName(sourceName);
  }

  /** The ConfigMap's name for the source {@code sourceName}. */
  static String configMapName(String sourceName) {
    return ChildName.of(sourceName, "-apiserversource-checkpoint");
  }

  String configMapName() {
    return configMapName;
  }

  /**
   * The saved checkpoints by watch id; empty when there is no ConfigMap yet. A value that does not
   * parse is left out (and so not resumed from).
   *
   * @throws KubernetesClientException when the ConfigMap cannot be read (e.g. forbidden)
   */
  Map<String, Checkpoint> load() {
    ConfigMap cm = client.configMaps().inNamespace(namespace).withName(configMapName).get();
    Map<String, Checkpoint> out = new HashMap<>();
    if (cm == null || cm.getData() == null) {
      return out;
    }
    cm.getData()
        .forEach(
            (id, json) -> {
              try {
                out.put(id, JSON.readValue(json, Checkpoint.class));
              } catch (JsonProcessingException e) {
                // A damaged entry only costs the resume of one watch; the caller logs what is
                // missing by comparing ids.
              }
            });
    return out;
  }

  /**
   * Writes {@code checkpoints}, creating the ConfigMap if needed.
   *
   * @return true when the object lists had to be left out to fit
   * @throws KubernetesClientException when the ConfigMap cannot be written
   */
  boolean save(Map<String, Checkpoint> checkpoints) {
    Map<String, String> data = encode(checkpoints);
    boolean trimmed = false;
    if (size(data) > MAX_BYTES) {
      Map<String, Checkpoint> bare = new LinkedHashMap<>();
      checkpoints.forEach((id, cp) -> bare.put(id, cp.withoutObjects()));
      data = encode(bare);
      trimmed = true;
    }
    var resource = client.configMaps().inNamespace(namespace).withName(configMapName);
    ConfigMap existing = resource.get();
    if (existing == null) {
      client
          .configMaps()
          .inNamespace(namespace)
          .resource(
              new ConfigMapBuilder()
                  .withNewMetadata()
                  .withName(configMapName)
                  .withNamespace(namespace)
                  .addToLabels(labels(sourceName))
                  .endMetadata()
                  .withData(data)
                  .build())
          .create();
    } else {
      existing.setData(data);
      client.configMaps().inNamespace(namespace).resource(existing).update();
    }
    return trimmed;
  }

  private static Map<String, String> encode(Map<String, Checkpoint> checkpoints) {
    Map<String, String> data = new LinkedHashMap<>();
    checkpoints.forEach(
        (id, cp) -> {
          try {
            data.put(id, JSON.writeValueAsString(cp));
          } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot write a checkpoint", e); // records of strings
          }
        });
    return data;
  }

  private static int size(Map<String, String> data) {
    int total = 0;
    for (Map.Entry<String, String> e : data.entrySet()) {
      total += e.getKey().length() + e.getValue().getBytes(StandardCharsets.UTF_8).length;
    }
    return total;
  }

  /** The label, when the name fits in a label value (at most 63 characters); else none. */
  private static Map<String, String> labels(String name) {
    return name.length() <= 63 ? Map.of(LABEL, name) : Map.of();
  }
}
