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

  ChangeEvents(ApiServerEventFactory factory, ApiVersionKind owner, EventFilter filter) {
    this.factory = factory;
    this.owner = owner;
    this.filter = filter;
  }

  /** The event for the change, or null when a filter drops it. */
  CloudEvent eventFor(Operation operation, Map<String, Object> object) {
    if (!OwnerFilter.passes(owner, object)) {
      return null;
    }
    CloudEvent event = factory.event(operation, object);
    return filter.passes(event) ? event : null;
  }
}
