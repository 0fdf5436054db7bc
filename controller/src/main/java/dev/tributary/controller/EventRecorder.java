package dev.tributary.controller;

import io.fabric8.kubernetes.api.model.Event;
import io.fabric8.kubernetes.api.model.EventBuilder;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.ObjectReferenceBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientException;
import java.net.HttpURLConnection;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.LinkedHashMap;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Records core/v1 Events about reconciled objects, as client-go's recorder: {@code involvedObject},
 * reason, message, type, {@code source.component}, and repeats of the same event (same object,
 * type, reason and message) folded into one Event whose {@code count} and {@code lastTimestamp}
 * grow.
 *
 * <p>Best effort: a failed write is logged with the object's key and otherwise ignored, since an
 * Event must never fail a reconcile. Thread-safe; blocks on the API call.
 */
public final class EventRecorder {

  /** {@code type} of an informational event. */
  public static final String NORMAL = "Normal";

  /** {@code type} of an event about something wrong. */
  public static final String WARNING = "Warning";

  private static final Logger LOG = LoggerFactory.getLogger(EventRecorder.class);
  private static final int REMEMBERED = 4096;

  private final KubernetesClient client;
  private final String component;
  private final String host;
  private final Clock clock;
  private final Map<String, Recorded> recent =
      new LinkedHashMap<>(16, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<String, Recorded> eldest) {
          return size() > REMEMBERED;
        }
      };

  private record Recorded(String namespace, String name, int count, String firstTimestamp) {}

  /**
   * @param component {@code source.component}, e.g. {@code pingsource-controller}
   */
  public EventRecorder(KubernetesClient client, String component, Clock clock) {
    this(client, component, "", clock);
  }

  /**
   * A recorder for a component that runs on a node, as the kubelet: {@code source.host} and {@code
   * reportingInstance} name the node (client-go sets both from the same source; for controllers the
   * host is empty).
   *
   * @param component {@code source.component} and {@code reportingComponent}, e.g. {@code kubelet}
   * @param host the node's name, or {@code ""}
   */
  public EventRecorder(KubernetesClient client, String component, String host, Clock clock) {
    this.client = client;
    this.component = component;
    this.host = host;
    this.clock = clock;
  }

  /** Records a {@code Normal} event. */
  public void normal(HasMetadata object, String reason, String message) {
    record(object, NORMAL, reason, message);
  }

  /** Records a {@code Warning} event. */
  public void warning(HasMetadata object, String reason, String message) {
    record(object, WARNING, reason, message);
  }

  /** Records an event of {@code type} about {@code object}. */
  public void record(HasMetadata object, String type, String reason, String message) {
    record(object, null, type, reason, message);
  }

  /**
   * Records an event of {@code type} about a part of {@code object}, as the kubelet records
   * container events: {@code fieldPath} becomes {@code involvedObject.fieldPath} (e.g. {@code
   * spec.containers{NAME}}); null refers to the whole object. Events about different parts are
   * never folded together.
   */
  public synchronized void record(
      HasMetadata object, String fieldPath, String type, String reason, String message) {
    String now = Instant.now(clock).truncatedTo(ChronoUnit.SECONDS).toString();
    String aggregate =
        String.join(
            "\u0000",
            object.getApiVersion(),
            object.getKind(),
            String.valueOf(object.getMetadata().getNamespace()),
            object.getMetadata().getName(),
            String.valueOf(object.getMetadata().getUid()),
            String.valueOf(fieldPath),
            type,
            reason,
            message);
    ObjectKey key = ObjectKey.of(object);
    try {
      Recorded previous = recent.get(aggregate);
      if (previous != null && bump(previous, now)) {
        recent.put(
            aggregate,
            new Recorded(
                previous.namespace(),
                previous.name(),
                previous.count() + 1,
                previous.firstTimestamp()));
        return;
      }
      Event created =
          client
              .v1()
              .events()
              .resource(newEvent(object, fieldPath, type, reason, message, now))
              .create();
      recent.put(
          aggregate,
          new Recorded(
              created.getMetadata().getNamespace(), created.getMetadata().getName(), 1, now));
    } catch (KubernetesClientException e) {
      LOG.warn("key={} event not recorded reason={} type={}", key, reason, type, e);
    }
  }

  /** Increments an existing Event; false when it is gone (expired or deleted). */
  private boolean bump(Recorded previous, String now) {
    try {
      client
          .v1()
          .events()
          .inNamespace(previous.namespace())
          .withName(previous.name())
          .edit(
              event -> {
                event.setCount(previous.count() + 1);
                event.setLastTimestamp(now);
                return event;
              });
      return true;
    } catch (KubernetesClientException e) {
      if (e.getCode() == HttpURLConnection.HTTP_NOT_FOUND) {
        return false;
      }
      throw e;
    }
  }

  private Event newEvent(
      HasMetadata object,
      String fieldPath,
      String type,
      String reason,
      String message,
      String now) {
    String namespace = object.getMetadata().getNamespace();
    if (namespace == null || namespace.isEmpty()) {
      namespace = "default";
    }
    // client-go names events <object>.<hex nanoseconds>, unique enough per object.
    Instant instant = clock.instant();
    long nanos = instant.getEpochSecond() * 1_000_000_000L + instant.getNano();
    return new EventBuilder()
        .withNewMetadata()
        .withNamespace(namespace)
        .withName(object.getMetadata().getName() + "." + Long.toHexString(nanos))
        .endMetadata()
        .withInvolvedObject(
            new ObjectReferenceBuilder()
                .withApiVersion(object.getApiVersion())
                .withKind(object.getKind())
                .withNamespace(object.getMetadata().getNamespace())
                .withName(object.getMetadata().getName())
                .withUid(object.getMetadata().getUid())
                .withResourceVersion(object.getMetadata().getResourceVersion())
                .withFieldPath(fieldPath)
                .build())
        .withType(type)
        .withReason(reason)
        .withMessage(message)
        .withNewSource()
        .withComponent(component)
        .withHost(host.isEmpty() ? null : host)
        .endSource()
        .withReportingComponent(component)
        .withReportingInstance(host)
        .withCount(1)
        .withFirstTimestamp(now)
        .withLastTimestamp(now)
        .build();
  }
}
