package dev.tributary.controller.sink;

import dev.tributary.api.duck.Destination;
import dev.tributary.api.gojson.GoJson;
import dev.tributary.controller.ReconcileEvent;

/**
 * The Warning Event sources record when their sink does not resolve (spec §2.4), as Knative's
 * source reconcilers: reason {@code SinkNotFound}, message {@code Sink not found: } and the
 * destination (its ref namespace defaulted) as Go's {@code json.Marshal} writes it.
 */
public final class SinkNotFound {

  /** The Event's reason. */
  public static final String REASON = "SinkNotFound";

  private SinkNotFound() {}

  /** The event for {@code destination}, which should already carry the defaulted namespace. */
  public static ReconcileEvent event(Destination destination) {
    return ReconcileEvent.warning(REASON, "Sink not found: " + GoJson.write(destination));
  }
}
