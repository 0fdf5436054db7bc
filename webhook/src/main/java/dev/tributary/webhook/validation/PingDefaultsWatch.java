package dev.tributary.webhook.validation;

import dev.tributary.api.sources.ping.PingDefaultsConfig;
import dev.tributary.runtime.KvLog;
import io.fabric8.kubernetes.api.model.ConfigMap;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.informers.ResourceEventHandler;
import io.fabric8.kubernetes.client.informers.SharedIndexInformer;
import java.util.Objects;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Supplier;

/**
 * The current {@code config-ping-defaults} of the system namespace, kept by an informer so that
 * validation reads it without an API call (as upstream's config store). An absent ConfigMap means
 * no limit; one that does not parse keeps the previous value and is logged with its key.
 *
 * <p>Thread-safe. {@link #close} stops the informer.
 */
public final class PingDefaultsWatch implements Supplier<PingDefaultsConfig>, AutoCloseable {

  private final AtomicReference<PingDefaultsConfig> current =
      new AtomicReference<>(PingDefaultsConfig.DEFAULT);
  private final SharedIndexInformer<ConfigMap> informer;

  /** Starts watching {@code namespace/config-ping-defaults}; returns once the informer runs. */
  public PingDefaultsWatch(KubernetesClient client, String namespace, KvLog log) {
    Objects.requireNonNull(log, "log");
    String key = namespace + "/" + PingDefaultsConfig.CONFIG_MAP_NAME;
    this.informer =
        client
            .configMaps()
            .inNamespace(namespace)
            .withName(PingDefaultsConfig.CONFIG_MAP_NAME)
            .inform(
                new ResourceEventHandler<>() {
                  @Override
                  public void onAdd(ConfigMap configMap) {
                    load(configMap);
                  }

                  @Override
                  public void onUpdate(ConfigMap oldConfigMap, ConfigMap configMap) {
                    load(configMap);
                  }

                  @Override
                  public void onDelete(ConfigMap configMap, boolean unknownFinalState) {
                    current.set(PingDefaultsConfig.DEFAULT);
                  }

                  private void load(ConfigMap configMap) {
                    try {
                      current.set(PingDefaultsConfig.fromConfigMap(configMap.getData()));
                    } catch (IllegalArgumentException e) {
                      log.error(
                          "config-ping-defaults is invalid; keeping the previous limit",
                          "key",
                          key,
                          "error",
                          e.getMessage());
                    }
                  }
                });
  }

  @Override
  public PingDefaultsConfig get() {
    return current.get();
  }

  @Override
  public void close() {
    informer.close();
  }
}
