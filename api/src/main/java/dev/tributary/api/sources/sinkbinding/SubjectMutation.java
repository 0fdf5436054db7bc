package dev.tributary.api.sources.sinkbinding;

import dev.tributary.api.duck.CloudEventOverrides;
import io.fabric8.kubernetes.api.model.PodSpec;
import java.util.Objects;

/**
 * What a SinkBinding does to one subject's pod spec: bind it to a resolved sink (upstream's {@code
 * Do}) or remove the binding (upstream's {@code Undo}). Pure: {@link #apply} never changes its
 * argument.
 *
 * <p>Shared by the SinkBinding reconciler (existing subjects) and the webhook (subjects being
 * admitted), so both bind the same way.
 */
public sealed interface SubjectMutation {

  /** The mutation that removes the binding. */
  SubjectMutation UNDO = new Undo();

  /** {@code spec} with this mutation applied, as a new object. */
  PodSpec apply(PodSpec spec);

  /**
   * Inject {@code K_SINK}, {@code K_CA_CERTS} (when {@code caCerts} is not null) and {@code
   * K_CE_OVERRIDES} into every init container and container.
   */
  record Inject(String sinkUri, String caCerts, CloudEventOverrides ceOverrides)
      implements SubjectMutation {
    public Inject {
      Objects.requireNonNull(sinkUri, "sinkUri");
    }

    @Override
    public PodSpec apply(PodSpec spec) {
      return SinkBindingInjection.inject(spec, sinkUri, caCerts, ceOverrides);
    }
  }

  /** Remove whatever a binding injected. */
  record Undo() implements SubjectMutation {
    @Override
    public PodSpec apply(PodSpec spec) {
      return SinkBindingInjection.undo(spec);
    }
  }
}
