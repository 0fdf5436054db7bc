package dev.tributary.adapters.ping;

import dev.tributary.api.sources.ping.PingSource;
import dev.tributary.runtime.KvLog;
import io.fabric8.kubernetes.api.model.Event;
import io.fabric8.kubernetes.api.model.EventBuilder;
import io.fabric8.kubernetes.api.model.ObjectReferenceBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientException;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.TimeUnit;

/**
 * The Kubernetes Events the adapter records on PingSources, as upstream's adapter reconciler does:
 * Normal {@code PingSourceSkipped} "PingSource is not ready", Normal {@code PingSourceSynchronized}
 * "PingSource adapter is synchronized", from component {@code pingsource-controller} (the agent
 * name of upstream's generated PingSource reconciler).
 *
 * <p>As client-go's recorder, a repeat of the last event of a source (same reason and message)
 * increments that Event's {@code count} instead of creating another. Writes happen in the
 * background on one thread, in order; a failed write is logged with the source's key and otherwise
 * ignored, since an Event never changes what the adapter does. Thread-safe.
 */
final class SourceEvents implements AutoCloseable {

  static final String COMPONENT = "pingsource-controller";
  static final String SKIPPED = "PingSourceSkipped";
  static final String SKIPPED_MESSAGE = "PingSource is not ready";
  static final String SYNCHRONIZED = "PingSourceSynchronized";
  static final String SYNCHRONIZED_MESSAGE = "PingSource adapter is synchronized";

  private record Last(String uid, String reason, String eventName, int count) {}

  private final KubernetesClient client;
  private final Clock clock;
  private final KvLog log;
  private final ExecutorService thread =
      Executors.newSingleThreadExecutor(
          r -> {
            Thread t = new Thread(r, "mtping-events");
            t.setDaemon(true);
            return t;
          });
  private final Map<String, Last> last = new HashMap<>(); // confined to thread

  SourceEvents(KubernetesClient client, Clock clock, KvLog log) {
    this.client = client;
    this.clock = clock;
    this.log = log;
  }

  void skipped(PingSource source) {
    record(source, SKIPPED, SKIPPED_MESSAGE);
  }

  void synchronizedOk(PingSource source) {
    record(source, SYNCHRONIZED, SYNCHRONIZED_MESSAGE);
  }

  private void record(PingSource source, String reason, String message) {
    try {
      thread.execute(() -> write(source, reason, message));
    } catch (RejectedExecutionException closed) {
      // Shutting down: the event is not worth delaying it.
    }
  }

  private void write(PingSource source, String reason, String message) {
    String namespace = source.getMetadata().getNamespace();
    String name = source.getMetadata().getName();
    String key = namespace + "/" + name;
    String uid = String.valueOf(source.getMetadata().getUid());
    String now = Instant.now(clock).truncatedTo(ChronoUnit.SECONDS).toString();
    try {
      Last previous = last.get(key);
      if (previous != null && previous.uid().equals(uid) && previous.reason().equals(reason)) {
        Event bumped =
            client
                .v1()
                .events()
                .inNamespace(namespace)
                .withName(previous.eventName())
                .edit(
                    e -> {
                      e.setCount(previous.count() + 1);
                      e.setLastTimestamp(now);
                      return e;
                    });
        if (bumped != null) {
          last.put(key, new Last(uid, reason, previous.eventName(), previous.count() + 1));
          return;
        }
      }
    } catch (KubernetesClientException e) {
      // The Event is gone (expired or deleted): create a new one.
    }
    try {
      Instant instant = clock.instant();
      long nanos = instant.getEpochSecond() * 1_000_000_000L + instant.getNano();
      String eventName = name + "." + Long.toHexString(nanos);
      client
          .v1()
          .events()
          .inNamespace(namespace)
          .resource(
              new EventBuilder()
                  .withNewMetadata()
                  .withNamespace(namespace)
                  .withName(eventName)
                  .endMetadata()
                  .withInvolvedObject(
                      new ObjectReferenceBuilder()
                          .withApiVersion(source.getApiVersion())
                          .withKind(source.getKind())
                          .withNamespace(namespace)
                          .withName(name)
                          .withUid(source.getMetadata().getUid())
                          .withResourceVersion(source.getMetadata().getResourceVersion())
                          .build())
                  .withType("Normal")
                  .withReason(reason)
                  .withMessage(message)
                  .withNewSource()
                  .withComponent(COMPONENT)
                  .endSource()
                  .withReportingComponent(COMPONENT)
                  .withCount(1)
                  .withFirstTimestamp(now)
                  .withLastTimestamp(now)
                  .build())
          .create();
      last.put(key, new Last(uid, reason, eventName, 1));
    } catch (KubernetesClientException e) {
      log.warn("event not recorded", "key", key, "reason", reason, "error", e.getMessage());
    }
  }

  /** Writes what is queued (for up to five seconds), then stops. */
  @Override
  public void close() {
    thread.shutdown();
    try {
      thread.awaitTermination(5, TimeUnit.SECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
