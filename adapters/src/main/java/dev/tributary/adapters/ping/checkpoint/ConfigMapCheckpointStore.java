package dev.tributary.adapters.ping.checkpoint;

import io.fabric8.kubernetes.api.model.ConfigMap;
import io.fabric8.kubernetes.api.model.ConfigMapBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientException;
import java.net.HttpURLConnection;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The tick checkpoint of one bucket: a ConfigMap the bucket's leader owns, in the adapter's system
 * namespace, named like the bucket's Lease. One data key per PingSource, {@code <namespace>.<name>}
 * (a namespace has no dot, so the first dot splits it), whose value is a {@link SourceCheckpoint}
 * in JSON.
 *
 * <p>Every write is a compare-and-swap on the ConfigMap's {@code resourceVersion}: a write based on
 * an outdated read fails with {@link CheckpointStore.ConflictException}. That is what fences a
 * deposed leader.
 *
 * <p>Blocking (API calls); thread-safe (holds no state).
 */
public final class ConfigMapCheckpointStore implements CheckpointStore {

  /** The label every checkpoint ConfigMap carries. */
  public static final String MANAGED_BY_LABEL = "app.kubernetes.io/managed-by";

  private static final Logger LOG = LoggerFactory.getLogger(ConfigMapCheckpointStore.class);

  private final KubernetesClient client;
  private final String namespace;
  private final String name;
  private final String managedBy;

  /**
   * @param namespace the adapter's system namespace
   * @param name the ConfigMap's name (the bucket's lease name)
   * @param managedBy the value of {@link #MANAGED_BY_LABEL}
   */
  public ConfigMapCheckpointStore(
      KubernetesClient client, String namespace, String name, String managedBy) {
    this.client = Objects.requireNonNull(client, "client");
    this.namespace = Objects.requireNonNull(namespace, "namespace");
    this.name = Objects.requireNonNull(name, "name");
    this.managedBy = Objects.requireNonNull(managedBy, "managedBy");
  }

  /** {@code namespace/name} of the ConfigMap. */
  @Override
  public String key() {
    return namespace + "/" + name;
  }

  /**
   * Reads the checkpoint, creating an empty ConfigMap when there is none. A value that cannot be
   * read is logged and left out (its source then starts afresh).
   *
   * @throws KubernetesClientException when the API cannot be reached or refuses
   */
  @Override
  public Snapshot load() {
    ConfigMap map = client.configMaps().inNamespace(namespace).withName(name).get();
    if (map == null) {
      try {
        map =
            client
                .configMaps()
                .inNamespace(namespace)
                .resource(
                    new ConfigMapBuilder()
                        .withNewMetadata()
                        .withNamespace(namespace)
                        .withName(name)
                        .addToLabels(MANAGED_BY_LABEL, managedBy)
                        .endMetadata()
                        .build())
                .create();
      } catch (KubernetesClientException e) {
        if (e.getCode() != HttpURLConnection.HTTP_CONFLICT) {
          throw e;
        }
        map = client.configMaps().inNamespace(namespace).withName(name).get(); // created meanwhile
      }
    }
    return snapshotOf(map);
  }

  /**
   * Replaces the checkpoint with {@code sources}, if it is still at {@code resourceVersion}.
   *
   * @return the new snapshot
   * @throws ConflictException when it changed (or vanished) meanwhile
   * @throws KubernetesClientException on any other failure
   */
  @Override
  public Snapshot write(String resourceVersion, Map<String, SourceCheckpoint> sources)
      throws ConflictException {
    Map<String, String> data = new TreeMap<>();
    sources.forEach((key, checkpoint) -> data.put(dataKey(key), checkpoint.toJson()));
    ConfigMap map =
        new ConfigMapBuilder()
            .withNewMetadata()
            .withNamespace(namespace)
            .withName(name)
            .withResourceVersion(resourceVersion)
            .addToLabels(MANAGED_BY_LABEL, managedBy)
            .endMetadata()
            .withData(data)
            .build();
    try {
      return snapshotOf(client.configMaps().inNamespace(namespace).resource(map).update());
    } catch (KubernetesClientException e) {
      if (e.getCode() == HttpURLConnection.HTTP_CONFLICT
          || e.getCode() == HttpURLConnection.HTTP_NOT_FOUND) {
        throw new CheckpointStore.ConflictException(
            "checkpoint " + key() + " changed since resourceVersion " + resourceVersion, e);
      }
      throw e;
    }
  }

  /** The data key of source {@code namespace/name}: {@code namespace.name}. */
  public static String dataKey(String sourceKey) {
    int slash = sourceKey.indexOf('/');
    if (slash < 0) {
      throw new IllegalArgumentException("not a namespace/name key: " + sourceKey);
    }
    return sourceKey.substring(0, slash) + "." + sourceKey.substring(slash + 1);
  }

  /** The source key {@code namespace/name} of a data key. */
  public static String sourceKey(String dataKey) {
    int dot = dataKey.indexOf('.');
    if (dot < 0) {
      throw new IllegalArgumentException("not a namespace.name data key: " + dataKey);
    }
    return dataKey.substring(0, dot) + "/" + dataKey.substring(dot + 1);
  }

  private Snapshot snapshotOf(ConfigMap map) {
    Map<String, SourceCheckpoint> sources = new TreeMap<>();
    Map<String, String> data = map.getData() == null ? Map.of() : map.getData();
    data.forEach(
        (dataKey, value) -> {
          try {
            sources.put(sourceKey(dataKey), SourceCheckpoint.fromJson(value));
          } catch (IllegalArgumentException e) {
            LOG.warn(
                "unreadable tick checkpoint entry dropped checkpoint={} entry={} reason=\"{}\"",
                key(),
                dataKey,
                e.getMessage());
          }
        });
    return new Snapshot(map.getMetadata().getResourceVersion(), sources);
  }
}
