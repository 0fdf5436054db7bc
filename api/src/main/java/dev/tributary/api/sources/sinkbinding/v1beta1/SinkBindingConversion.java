package dev.tributary.api.sources.sinkbinding.v1beta1;

import dev.tributary.api.duck.SourceStatus;
import dev.tributary.api.sources.sinkbinding.SinkBindingStatus;
import dev.tributary.api.tracker.Reference;
import io.fabric8.kubernetes.api.model.LabelSelectorBuilder;
import io.fabric8.kubernetes.api.model.ObjectMeta;
import io.fabric8.kubernetes.api.model.ObjectMetaBuilder;

/**
 * Converts SinkBindings between v1beta1 and v1 (the storage version), field for field as upstream
 * did. The results share nothing mutable with their inputs. What v1beta1 cannot hold is dropped by
 * {@link #fromV1}: {@code spec.delivery} and {@code status.oidcTokenSecretName}.
 */
public final class SinkBindingConversion {
  private SinkBindingConversion() {}

  /** {@code binding} as v1. */
  public static dev.tributary.api.sources.sinkbinding.SinkBinding toV1(SinkBinding binding) {
    var out = new dev.tributary.api.sources.sinkbinding.SinkBinding();
    out.setMetadata(copy(binding.getMetadata()));
    SinkBindingSpec spec = binding.getSpec();
    if (spec != null) {
      out.setSpec(
          new dev.tributary.api.sources.sinkbinding.SinkBindingSpec(
              spec.sink(), spec.ceOverrides(), copy(spec.subject()), null));
    }
    if (binding.getStatus() != null) {
      SinkBindingStatus status = new SinkBindingStatus();
      status.copyFrom(binding.getStatus());
      out.setStatus(status);
    }
    return out;
  }

  /** {@code binding} as v1beta1; delivery and oidcTokenSecretName are dropped. */
  public static SinkBinding fromV1(dev.tributary.api.sources.sinkbinding.SinkBinding binding) {
    var out = new SinkBinding();
    out.setMetadata(copy(binding.getMetadata()));
    var spec = binding.getSpec();
    if (spec != null) {
      out.setSpec(new SinkBindingSpec(spec.sink(), spec.ceOverrides(), copy(spec.subject())));
    }
    if (binding.getStatus() != null) {
      SourceStatus status = new SourceStatus();
      status.copyFrom(binding.getStatus());
      out.setStatus(status);
    }
    return out;
  }

  private static ObjectMeta copy(ObjectMeta meta) {
    return meta == null ? null : new ObjectMetaBuilder(meta).build();
  }

  private static Reference copy(Reference ref) {
    if (ref == null || ref.selector() == null) {
      return ref;
    }
    return new Reference(
        ref.apiVersion(),
        ref.kind(),
        ref.namespace(),
        ref.name(),
        new LabelSelectorBuilder(ref.selector()).build());
  }
}
