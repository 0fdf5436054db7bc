package dev.tributary.api.sources.sinkbinding;

import java.util.Map;

/**
 * Which namespaces and objects SinkBindings may change, as the eventing webhook's {@code
 * SINK_BINDING_SELECTION_MODE} (spec §6.4): in {@link #EXCLUSION} mode (the default) everything but
 * what is labelled {@code bindings.knative.dev/exclude: "true"}; in {@link #INCLUSION} mode only
 * what is labelled {@code bindings.knative.dev/include: "true"}. The webhook configuration applies
 * the same rule as its namespaceSelector and objectSelector; the reconciler applies it before
 * patching a subject, so both paths leave the same objects alone.
 *
 * <p>Shared by the SinkBinding reconciler (existing subjects) and the webhook (subjects being
 * admitted), so both bind the same way.
 */
public enum BindingSelection {
  EXCLUSION,
  INCLUSION;

  /** The label that opts a namespace or object out in exclusion mode. */
  public static final String EXCLUDE_LABEL = "bindings.knative.dev/exclude";

  /** The label that opts a namespace or object in in inclusion mode. */
  public static final String INCLUDE_LABEL = "bindings.knative.dev/include";

  /**
   * The mode named by {@code SINK_BINDING_SELECTION_MODE}: {@code inclusion} is inclusion; anything
   * else, an absent value included, is exclusion, as upstream.
   */
  public static BindingSelection fromEnv(String value) {
    return "inclusion".equals(value) ? INCLUSION : EXCLUSION;
  }

  /** Whether a namespace or object with {@code labels} (null for none) may be bound. */
  public boolean selects(Map<String, String> labels) {
    Map<String, String> actual = labels == null ? Map.of() : labels;
    return switch (this) {
      case EXCLUSION -> !"true".equals(actual.get(EXCLUDE_LABEL));
      case INCLUSION -> "true".equals(actual.get(INCLUDE_LABEL));
    };
  }
}
