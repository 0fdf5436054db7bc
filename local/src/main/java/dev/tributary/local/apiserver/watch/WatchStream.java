package dev.tributary.local.apiserver.watch;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.tributary.local.apiserver.errors.ApiErrors;
import dev.tributary.local.apiserver.errors.ApiException;
import dev.tributary.local.apiserver.errors.StatusObjects;
import dev.tributary.local.apiserver.http.Json;
import dev.tributary.local.apiserver.http.Tables;
import dev.tributary.local.apiserver.registry.ResourceType;
import dev.tributary.local.apiserver.rest.ListOptions;
import dev.tributary.local.apiserver.rest.Meta;
import dev.tributary.local.apiserver.rest.ObjectService;
import dev.tributary.local.apiserver.table.TableOptions;
import dev.tributary.local.store.ListPage;
import dev.tributary.local.store.ObjectKey;
import dev.tributary.local.store.StoreException;
import dev.tributary.local.store.Watch;
import dev.tributary.local.store.WatchEvent;
import dev.tributary.local.store.WatchListener;
import io.vertx.core.Vertx;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One client's watch: Kubernetes' watch semantics over a store watch, written to a {@link
 * WatchSink}.
 *
 * <ul>
 *   <li>{@code resourceVersion} unset or {@code "0"}: a synthetic ADDED for every matching object
 *       first, then every later change. {@code resourceVersion=N}: every change after N still in
 *       the store's history, then live ones; if N is older than the history, one ERROR event with a
 *       410 Expired Status, then the end (what Kubernetes' watch cache sends; clients relist).
 *   <li>Label and field selectors: an object that starts matching is ADDED, one that stops matching
 *       DELETED (see {@code selectiveType}).
 *   <li>{@code timeoutSeconds} ends the stream cleanly after that long; without it, after a random
 *       30 to 60 minutes as Kubernetes does. Clients watch again from the last resourceVersion.
 *   <li>{@code allowWatchBookmarks}: a BOOKMARK every {@code bookmarkInterval} with a
 *       resourceVersion the client may resume from (see {@link #bookmark()}).
 *   <li>When a Table was asked for, each event's object is a one-row Table.
 * </ul>
 *
 * <p>Events are sent one at a time (this object's monitor) from the store's delivery thread, the
 * timers' event loop and the starting worker thread.
 */
public final class WatchStream {

  private static final Logger log = LoggerFactory.getLogger(WatchStream.class);

  /**
   * What the client asked for.
   *
   * @param type the resource and version watched
   * @param namespace the namespace, or null for all (and for cluster-scoped resources)
   * @param selection label and field selectors (paging fields unused)
   * @param resourceVersion the {@code resourceVersion} parameter, or null
   * @param timeout when to end the stream
   * @param bookmarks whether BOOKMARK events are wanted
   * @param bookmarkInterval how often to send one
   * @param table how to render event objects as Tables, or null for plain objects
   */
  public record Request(
      ResourceType type,
      String namespace,
      ListOptions selection,
      String resourceVersion,
      Duration timeout,
      boolean bookmarks,
      Duration bookmarkInterval,
      TableOptions table) {}

  private final ObjectService objects;
  private final Tables tables;
  private final EncodedEvents shared;
  private final Vertx vertx;
  private final Request request;
  private final WatchSink sink;
  private final Object sendLock = new Object();
  private final boolean selective;
  // For selective watches: whether the client holds each object (absent: not known). Only the
  // store's delivery thread, and start() before the store watch exists, touch it.
  private final Map<ObjectKey, Boolean> heldByClient = new HashMap<>();

  // guarded by sendLock
  private boolean closed;
  private boolean headersSent;
  private Watch watch;
  private long lastRevision;
  private long sampledRevision;
  private long timeoutTimer = -1;
  private long bookmarkTimer = -1;

  /**
   * @param shared where watches of the same server share the encoding of store events
   */
  public WatchStream(
      ObjectService objects,
      Tables tables,
      EncodedEvents shared,
      Vertx vertx,
      Request request,
      WatchSink sink) {
    this.objects = objects;
    this.tables = tables;
    this.shared = shared;
    this.vertx = vertx;
    this.request = request;
    this.sink = sink;
    this.selective =
        !request.selection().labels().isEmpty() || !request.selection().fields().isEmpty();
  }

  /**
   * Starts the watch: the initial events (if any), then the store watch and the timers. Blocks on
   * the store: call from a worker thread. Failures end the stream with an ERROR event.
   */
  public void start() {
    sink.onClose(this::close);
    try {
      long from = startRevision();
      Watch started =
          objects
              .store()
              .watch(request.type().storageResource(), storeNamespace(), from, new Listener());
      synchronized (sendLock) {
        if (closed) {
          started.close();
          return;
        }
        watch = started;
        lastRevision = Math.max(lastRevision, from);
        sampledRevision = lastRevision;
        timeoutTimer = vertx.setTimer(Math.max(1, request.timeout().toMillis()), id -> finish());
        if (request.bookmarks()) {
          long interval = Math.max(1, request.bookmarkInterval().toMillis());
          bookmarkTimer = vertx.setPeriodic(interval, interval, id -> bookmark());
        }
      }
    } catch (StoreException.Expired e) {
      fail(ApiErrors.expired(e.getMessage()));
    } catch (ApiException e) {
      fail(e);
    } catch (RuntimeException e) {
      log.error("watch failed to start resource={}", request.type().storageResource(), e);
      fail(ApiErrors.internal("watch failed to start"));
    }
  }

  /**
   * The revision the store watch starts after; sends the synthetic ADDED events if due. A watch
   * with selectors also learns which objects match now: resuming, it takes the current state as the
   * best knowledge of what the client holds.
   */
  private long startRevision() {
    String rv = request.resourceVersion();
    boolean resume = rv != null && !rv.isEmpty() && !rv.equals("0");
    long resumeFrom = 0;
    // A fresh watch knows the whole state: what it does not list is created later (ADDED first).
    if (resume) {
      try {
        resumeFrom = Long.parseLong(rv);
      } catch (NumberFormatException e) {
        throw ApiErrors.badRequest("invalid resource version " + rv);
      }
      if (!selective) {
        return resumeFrom;
      }
    }
    List<ObjectNode> current = new ArrayList<>();
    String continueToken = null;
    long revision;
    do {
      ListPage page =
          objects
              .store()
              .list(request.type().storageResource(), storeNamespace(), 500, continueToken);
      revision = page.revision();
      current.addAll(page.items());
      continueToken = page.continueToken();
    } while (continueToken != null);
    for (ObjectNode object : current) {
      boolean matches = request.selection().matches(object);
      ObjectKey key = ObjectService.key(request.type(), Meta.namespace(object), Meta.name(object));
      if (!resume) {
        heldByClient.put(key, matches);
        if (matches) {
          send("ADDED", objects.served(request.type(), object));
        }
      } else {
        Long written = Meta.revision(object);
        if (written != null && written >= 0 && written <= resumeFrom) {
          heldByClient.put(key, matches); // unchanged since the client's resourceVersion
        }
      }
    }
    return resume ? resumeFrom : revision;
  }

  private String storeNamespace() {
    return request.type().namespaced() ? request.namespace() : "";
  }

  private final class Listener implements WatchListener {
    @Override
    public void onEvent(WatchEvent event) {
      synchronized (sendLock) {
        lastRevision = Math.max(lastRevision, event.revision());
      }
      String type = event.type().name();
      boolean matches = request.selection().matches(event.object());
      if (selective) {
        type = selectiveType(event, matches);
        if (type == null) {
          return;
        }
      } else if (!matches) {
        return;
      }
      if (request.table() != null) {
        // Tables are per watch (the first carries the column definitions): not shared.
        ObjectNode object = served(event);
        if (object != null) {
          send(type, object);
        }
        return;
      }
      String eventType = type;
      EncodedEvent encoded;
      try {
        encoded =
            shared.get(
                new EncodedEvents.Key(
                    event.revision(), type, request.type().apiVersion(), request.type().kind()),
                () -> encode(eventType, objects.served(request.type(), event.object())));
      } catch (ApiException e) {
        logUnconvertible(event, e);
        return;
      }
      emit(encoded);
    }

    private ObjectNode served(WatchEvent event) {
      try {
        return objects.served(request.type(), event.object());
      } catch (ApiException e) {
        logUnconvertible(event, e);
        return null;
      }
    }

    private void logUnconvertible(WatchEvent event, ApiException e) {
      log.error("watch event not convertible key={} revision={}", event.key(), event.revision(), e);
    }

    /**
     * The event type a selective watch sends, or null for none: an object that starts matching is
     * ADDED, one that stops matching is DELETED (as Kubernetes' watch cache decides from the
     * previous state). Where the previous state is not known (a resumed watch, an object changed
     * since the resourceVersion), leaving is sent as DELETED: a client that did not hold the object
     * ignores it, one that did would otherwise keep it.
     */
    private String selectiveType(WatchEvent event, boolean matches) {
      Boolean held = heldByClient.get(event.key());
      switch (event.type()) {
        case ADDED -> {
          heldByClient.put(event.key(), matches);
          return matches ? "ADDED" : null;
        }
        case MODIFIED -> {
          heldByClient.put(event.key(), matches);
          if (matches) {
            return Boolean.FALSE.equals(held) ? "ADDED" : "MODIFIED";
          }
          return Boolean.FALSE.equals(held) ? null : "DELETED";
        }
        default -> {
          heldByClient.put(event.key(), false);
          return matches || !Boolean.FALSE.equals(held) ? "DELETED" : null;
        }
      }
    }

    @Override
    public void onEnd(StoreException.Expired cause) {
      if (cause != null) {
        fail(ApiErrors.expired(cause.getMessage()));
      } else {
        finish();
      }
    }
  }

  private void send(String type, ObjectNode object) {
    ObjectNode payload = object;
    if (request.table() != null) {
      // Column definitions go with the first Table only, as kube-apiserver sends them.
      TableOptions options;
      synchronized (sendLock) {
        options = headersSent ? request.table().withoutHeaders() : request.table();
        headersSent = true;
      }
      payload =
          tables.table(
              request.type(),
              List.of(object),
              object.path("metadata").path("resourceVersion").asText(""),
              null,
              options);
    }
    emit(type, payload);
  }

  private void emit(String type, ObjectNode object) {
    emit(encode(type, object));
  }

  private static EncodedEvent encode(String type, ObjectNode object) {
    ObjectNode event = Json.NODES.objectNode();
    event.put("type", type);
    event.set("object", object);
    return EncodedEvent.of(event);
  }

  private void emit(EncodedEvent event) {
    synchronized (sendLock) {
      if (closed) {
        return;
      }
      sink.send(event);
    }
    // Outside the lock: timers on the event loop must never wait for a slow client.
    if (!sink.awaitWritable()) {
      log.info("watch client too slow, ending resource={}", request.type().storageResource());
      finish();
    }
  }

  /**
   * Sends a BOOKMARK. Its resourceVersion is the store's revision as sampled at the previous tick
   * (or the last event's, if newer): every event up to a revision sampled a whole interval ago has
   * long been delivered, since delivery lags writes by far less, so a client resuming from it
   * misses nothing.
   */
  private void bookmark() {
    long candidate;
    synchronized (sendLock) {
      if (closed) {
        return;
      }
      candidate = Math.max(lastRevision, sampledRevision);
      sampledRevision = objects.store().currentRevision();
      lastRevision = candidate;
    }
    ObjectNode object = Json.NODES.objectNode();
    object.put("kind", request.type().kind());
    object.put("apiVersion", request.type().apiVersion());
    object.putObject("metadata").put("resourceVersion", Long.toString(candidate));
    emit("BOOKMARK", object);
  }

  private void fail(ApiException error) {
    emit("ERROR", StatusObjects.failure(error));
    finish();
  }

  /** Ends the stream cleanly. */
  private void finish() {
    close();
    sink.end();
  }

  /** Stops the store watch and timers; idempotent. */
  private void close() {
    Watch toClose;
    synchronized (sendLock) {
      if (closed) {
        return;
      }
      closed = true;
      toClose = watch;
      if (timeoutTimer >= 0) {
        vertx.cancelTimer(timeoutTimer);
      }
      if (bookmarkTimer >= 0) {
        vertx.cancelTimer(bookmarkTimer);
      }
    }
    if (toClose != null) {
      toClose.close();
    }
  }
}
