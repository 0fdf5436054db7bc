package dev.tributary.api.sources.sinkbinding.v1beta1;

import com.fasterxml.jackson.annotation.JsonInclude;
import dev.tributary.api.duck.CloudEventOverrides;
import dev.tributary.api.duck.Destination;
import dev.tributary.api.tracker.Reference;

/**
 * A v1beta1 SinkBinding's spec: sink, ceOverrides and subject.
 *
 * @param sink where the subjects should send events
 * @param ceOverrides extensions injected as {@code K_CE_OVERRIDES}, or null
 * @param subject the object, or the objects of a kind matching a selector, to inject into
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record SinkBindingSpec(
    Destination sink, CloudEventOverrides ceOverrides, Reference subject) {}
