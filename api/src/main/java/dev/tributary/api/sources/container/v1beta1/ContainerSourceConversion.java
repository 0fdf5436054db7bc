package dev.tributary.api.sources.container.v1beta1;

import dev.tributary.api.duck.SourceStatus;
import dev.tributary.api.sources.container.ContainerSourceStatus;
import io.fabric8.kubernetes.api.model.ObjectMeta;
import io.fabric8.kubernetes.api.model.ObjectMetaBuilder;
import io.fabric8.kubernetes.api.model.PodTemplateSpec;
import io.fabric8.kubernetes.api.model.PodTemplateSpecBuilder;

/**
 * Converts ContainerSources between v1beta1 and v1 (the storage version), field for field as
 * upstream did. The results share nothing mutable with their inputs. v1's {@code spec.delivery} has
 * no v1beta1 field and is dropped by {@link #fromV1}.
 */
public final class ContainerSourceConversion {
  private ContainerSourceConversion() {}

  /** {@code source} as v1. */
  public static dev.tributary.api.sources.container.ContainerSource toV1(ContainerSource source) {
    var out = new dev.tributary.api.sources.container.ContainerSource();
    out.setMetadata(copy(source.getMetadata()));
    ContainerSourceSpec spec = source.getSpec();
    if (spec != null) {
      out.setSpec(
          new dev.tributary.api.sources.container.ContainerSourceSpec(
              spec.sink(), spec.ceOverrides(), copy(spec.template()), null));
    }
    if (source.getStatus() != null) {
      ContainerSourceStatus status = new ContainerSourceStatus();
      status.copyFrom(source.getStatus());
      out.setStatus(status);
    }
    return out;
  }

  /** {@code source} as v1beta1; its {@code spec.delivery} is dropped. */
  public static ContainerSource fromV1(dev.tributary.api.sources.container.ContainerSource source) {
    var out = new ContainerSource();
    out.setMetadata(copy(source.getMetadata()));
    var spec = source.getSpec();
    if (spec != null) {
      out.setSpec(new ContainerSourceSpec(spec.sink(), spec.ceOverrides(), copy(spec.template())));
    }
    if (source.getStatus() != null) {
      SourceStatus status = new SourceStatus();
      status.copyFrom(source.getStatus());
      out.setStatus(status);
    }
    return out;
  }

  private static ObjectMeta copy(ObjectMeta meta) {
    return meta == null ? null : new ObjectMetaBuilder(meta).build();
  }

  private static PodTemplateSpec copy(PodTemplateSpec template) {
    return template == null ? null : new PodTemplateSpecBuilder(template).build();
  }
}
