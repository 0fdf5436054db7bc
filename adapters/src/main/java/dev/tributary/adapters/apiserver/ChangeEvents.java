package dev.tributary.adapters.apiserver;

import dev.tributary.api.sources.apiserver.ApiServerSourceEventTypes.Operation;
import dev.tributary.api.sources.apiserver.ApiVersionKind;
import io.cloudevents.CloudEvent;
import java.util.Map;

/**
 * Turns one change of a watched object into the event to send, or none: the owner filter first
 * (upstream filters objects before building events), then the event, then {@code spec.filters} over
 * the built event. Immutable and thread-safe.
 */
final class ChangeEvents {

  private final ApiServerEventFactory factory;
  private final ApiVersionKind owner;
  private final EventFilter filter;
  private final String checkpointNamespace;
  private final String checkpointName;

  /**
   * @param checkpointNamespace the namespace of the adapter's checkpoint ConfigMap
   * @param checkpointName its name
   */
  ChangeEvents(
      ApiServerEventFactory factory,
      ApiVersionKind owner,
      EventFilter filter,
      String checkpointNamespace,
      String checkpointName) {
    this.factory = factory;
    this.checkpointNamespace = checkpointNamespace;
    this.checkpointName = checkpointName;
    this.owner = owner;
    this.filter = filter;
  }

  /** The event for the change, or null when a filter drops it. */
  CloudEvent eventFor(Operation operation, Map<String, Object> object) {
    if (isCheckpoint(object) || !OwnerFilter.passes(owner, object)) {
      return null;
    }
    CloudEvent event = factory.event(operation, object);
    return filter.passes(event) ? event : null;
  }

  /** True for the adapter's own checkpoint ConfigMap, whose changes are never reported. */
  boolean isCheckpoint(Map<String, Object> object) {
    return "v1".equals(object.get("apiVersion"))
        && "ConfigMap".equals(object.get("kind"))
        && object.get("metadata") instanceof Map<?, ?> metadata
        && checkpointName.equals(metadata.get("name"))
        && checkpointNamespace.equals(metadata.get("namespace"));
  }
}
