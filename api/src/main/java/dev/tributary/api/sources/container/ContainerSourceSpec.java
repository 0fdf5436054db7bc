package dev.tributary.api.sources.container;

import com.fasterxml.jackson.annotation.JsonInclude;
import dev.tributary.api.duck.CloudEventOverrides;
import dev.tributary.api.duck.DeliverySpec;
import dev.tributary.api.duck.Destination;
import dev.tributary.api.duck.SourceSpec;
import io.fabric8.crd.generator.annotation.PreserveUnknownFields;
import io.fabric8.crd.generator.annotation.SchemaFrom;
import io.fabric8.kubernetes.api.model.PodTemplateSpec;

/**
 * What a ContainerSource runs and where its events go.
 *
 * <p>{@code template} is a fabric8 model object and so mutable; this record and the code here treat
 * it as a value and never change it (defaulting builds a new one).
 *
 * @param sink where the containers send events ({@code K_SINK})
 * @param ceOverrides extensions passed as {@code K_CE_OVERRIDES}, or null
 * @param template the pods to run; needs at least one container, each with an image. Its CRD schema
 *     is a stub preserving unknown fields, as upstream's: the full PodTemplateSpec schema would
 *     make the CRD too large for {@code kubectl apply}'s last-applied annotation
 * @param delivery Tributary's extension (see {@link SourceSpec#delivery()})
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record ContainerSourceSpec(
    Destination sink,
    CloudEventOverrides ceOverrides,
    @PreserveUnknownFields @SchemaFrom(type = Object.class) PodTemplateSpec template,
    DeliverySpec delivery)
    implements SourceSpec {

  /** A spec with just a sink and a template. */
  public static ContainerSourceSpec of(Destination sink, PodTemplateSpec template) {
    return new ContainerSourceSpec(sink, null, template, null);
  }
}
