package dev.tributary.local.apiserver.admission.webhook;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.tributary.local.store.ListPage;
import dev.tributary.local.store.Store;
import dev.tributary.local.store.StoreException;
import dev.tributary.local.store.Watch;
import dev.tributary.local.store.WatchEvent;
import dev.tributary.local.store.WatchListener;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The webhooks of every configuration of one kind (mutating or validating), kept current by a store
 * watch rather than read per request. Like kube-apiserver's informer-fed source it is eventually
 * consistent: a configuration written a moment ago may not be called yet.
 *
 * <p>{@link #webhooks()} is lock-free and never blocks. {@link #start()} lists (blocking) and
 * watches; a watch the store ends for falling behind is replaced by a fresh list and watch.
 */
final class WebhookConfigurations implements AutoCloseable {

  private static final Logger log = LoggerFactory.getLogger(WebhookConfigurations.class);

  private final Store store;
  private final String resource;
  private final Object lock = new Object();
  // Guarded by lock.
  private final Map<String, List<Webhook>> byConfiguration = new TreeMap<>();
  private Watch watch;
  private boolean closed;
  private volatile List<Webhook> webhooks = List.of();

  /**
   * @param resource the store resource, e.g. {@code
   *     admissionregistration.k8s.io/mutatingwebhookconfigurations}
   */
  WebhookConfigurations(Store store, String resource) {
    this.store = store;
    this.resource = resource;
  }

  /** Every webhook, configurations ordered by name and webhooks in their configuration's order. */
  List<Webhook> webhooks() {
    return webhooks;
  }

  /** Loads every configuration and starts watching; blocking. */
  void start() {
    ListPage page = store.list(resource, null);
    synchronized (lock) {
      if (closed) {
        return;
      }
      byConfiguration.clear();
      for (ObjectNode configuration : page.items()) {
        put(configuration);
      }
      publish();
      watch = store.watch(resource, null, page.revision(), new Listener());
    }
  }

  private final class Listener implements WatchListener {
    @Override
    public void onEvent(WatchEvent event) {
      synchronized (lock) {
        if (event.type() == WatchEvent.Type.DELETED) {
          byConfiguration.remove(event.key().name());
        } else {
          put(event.object());
        }
        publish();
      }
    }

    @Override
    public void onEnd(StoreException.Expired cause) {
      if (cause == null) {
        return; // the store closed
      }
      log.warn("webhook configuration watch fell behind, listing again resource={}", resource);
      try {
        start();
      } catch (RuntimeException e) {
        log.error("webhook configurations not reloaded resource={}", resource, e);
      }
    }
  }

  private void put(ObjectNode configuration) {
    String name = configuration.path("metadata").path("name").asText("");
    byConfiguration.put(name, Webhook.parseAll(configuration));
  }

  private void publish() {
    List<Webhook> all = new ArrayList<>();
    byConfiguration.values().forEach(all::addAll);
    webhooks = List.copyOf(all);
  }

  @Override
  public void close() {
    synchronized (lock) {
      closed = true;
      if (watch != null) {
        watch.close();
      }
    }
  }
}
