package dev.tributary.api.sources.sinkbinding;

import dev.tributary.api.tracker.Reference;
import io.fabric8.kubernetes.api.model.ObjectMetaBuilder;

/**
 * SinkBinding defaulting, as upstream's {@code SetDefaults}: the subject's namespace and the sink
 * ref's namespace default to the binding's own. Pure and idempotent.
 */
public final class SinkBindingDefaults {
  private SinkBindingDefaults() {}

  /** {@code spec} with empty namespaces set to {@code namespace}; null stays null. */
  public static SinkBindingSpec apply(SinkBindingSpec spec, String namespace) {
    if (spec == null) {
      return null;
    }
    Reference subject =
        spec.subject() == null
            ? new Reference(null, null, namespace, null, null)
            : spec.subject().withDefaultNamespace(namespace);
    return new SinkBindingSpec(
        spec.sink() == null ? null : spec.sink().withDefaultNamespace(namespace),
        spec.ceOverrides(),
        subject,
        spec.delivery());
  }

  /**
   * A copy of {@code binding} with its spec defaulted for its namespace; {@code binding} is left
   * untouched.
   */
  public static SinkBinding apply(SinkBinding binding) {
    SinkBinding out = new SinkBinding();
    out.setMetadata(
        binding.getMetadata() == null
            ? null
            : new ObjectMetaBuilder(binding.getMetadata()).build());
    String namespace = binding.getMetadata() == null ? null : binding.getMetadata().getNamespace();
    out.setSpec(apply(binding.getSpec(), namespace));
    out.setStatus(binding.getStatus() == null ? null : binding.getStatus().copy());
    return out;
  }
}
