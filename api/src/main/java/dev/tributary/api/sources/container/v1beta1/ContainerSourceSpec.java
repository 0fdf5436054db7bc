package dev.tributary.api.sources.container.v1beta1;

import com.fasterxml.jackson.annotation.JsonInclude;
import dev.tributary.api.duck.CloudEventOverrides;
import dev.tributary.api.duck.Destination;
import io.fabric8.crd.generator.annotation.PreserveUnknownFields;
import io.fabric8.crd.generator.annotation.SchemaFrom;
import io.fabric8.kubernetes.api.model.PodTemplateSpec;

/**
 * A v1beta1 ContainerSource's spec: sink, ceOverrides and the pod template.
 *
 * @param sink where the containers send events
 * @param ceOverrides extensions added to every event, or null
 * @param template the pods to run; treated as a value, never changed. Its CRD schema is a stub
 *     preserving unknown fields, as upstream's
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record ContainerSourceSpec(
    Destination sink,
    CloudEventOverrides ceOverrides,
    @PreserveUnknownFields @SchemaFrom(type = Object.class) PodTemplateSpec template) {}
