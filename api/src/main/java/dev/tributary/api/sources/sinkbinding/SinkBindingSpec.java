package dev.tributary.api.sources.sinkbinding;

import com.fasterxml.jackson.annotation.JsonInclude;
import dev.tributary.api.duck.CloudEventOverrides;
import dev.tributary.api.duck.DeliverySpec;
import dev.tributary.api.duck.Destination;
import dev.tributary.api.duck.SourceSpec;
import dev.tributary.api.tracker.Reference;

/**
 * What a SinkBinding binds: Knative's inlined {@code SourceSpec} (sink, ceOverrides) and {@code
 * BindingSpec} (subject).
 *
 * @param sink where the subjects should send events; resolved to the {@code K_SINK} URL
 * @param ceOverrides extensions injected as {@code K_CE_OVERRIDES}, or null (then injected empty)
 * @param subject the object, or the objects of a kind matching a selector, to inject into
 * @param delivery Tributary's extension (see {@link SourceSpec#delivery()})
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record SinkBindingSpec(
    Destination sink, CloudEventOverrides ceOverrides, Reference subject, DeliverySpec delivery)
    implements SourceSpec {

  /** A spec with just a subject and a sink. */
  public static SinkBindingSpec of(Reference subject, Destination sink) {
    return new SinkBindingSpec(sink, null, subject, null);
  }
}
