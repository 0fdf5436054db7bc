package dev.tributary.api.sources.container;

import dev.tributary.api.duck.Condition;
import dev.tributary.api.duck.ConditionManager;
import dev.tributary.api.duck.ConditionSet;
import dev.tributary.api.duck.DeploymentAvailability;
import dev.tributary.api.sources.sinkbinding.SinkBindingLifecycle;
import dev.tributary.api.sources.sinkbinding.SinkBindingStatus;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import java.time.Clock;
import java.util.Optional;

/**
 * The only way a {@link ContainerSourceStatus} changes, with upstream's condition types, reasons
 * and messages. Ready depends on SinkBindingReady (mirrors the child SinkBinding's Ready) and
 * ReceiveAdapterReady (mirrors the child Deployment's Available).
 *
 * <p>Not thread-safe: it mutates the status it wraps, which the caller owns.
 */
public final class ContainerSourceLifecycle {
  /** Mirrors the Ready condition of the source's SinkBinding. */
  public static final String SINK_BINDING_READY = "SinkBindingReady";

  /** Mirrors the Available condition of the source's Deployment. */
  public static final String RECEIVE_ADAPTER_READY = "ReceiveAdapterReady";

  public static final ConditionSet CONDITIONS =
      ConditionSet.living(SINK_BINDING_READY, RECEIVE_ADAPTER_READY);

  private final ContainerSourceStatus status;
  private final ConditionManager conditions;

  /** Wraps {@code status}, stamping transitions with {@code clock}. */
  public ContainerSourceLifecycle(ContainerSourceStatus status, Clock clock) {
    this.status = status;
    this.conditions = CONDITIONS.manage(status, clock);
  }

  /** Wraps {@code status}, stamping transitions with the system UTC clock. */
  public ContainerSourceLifecycle(ContainerSourceStatus status) {
    this(status, Clock.systemUTC());
  }

  /** Sets every absent condition to Unknown. */
  public void initialize() {
    conditions.initialize();
  }

  /** True when Ready is True. */
  public boolean isReady() {
    return conditions.isHappy();
  }

  /** The condition of {@code type}, if set. */
  public Optional<Condition> condition(String type) {
    return conditions.get(type);
  }

  /**
   * Mirrors the child SinkBinding: its annotations, sinkUri, sinkCACerts, sinkAudience and
   * ceAttributes are copied (this status's conditions and observedGeneration are kept), and
   * SinkBindingReady takes the binding's Ready status, reason and message (Unknown with no reason
   * when the binding has no Ready yet).
   */
  public void propagateSinkBindingStatus(SinkBindingStatus binding) {
    status.copyOutputsFrom(binding);
    Optional<Condition> ready =
        binding.getConditions().stream()
            .filter(c -> c.type().equals(SinkBindingLifecycle.CONDITIONS.happy()))
            .findFirst();
    if (ready.isEmpty()) {
      conditions.markUnknown(SINK_BINDING_READY, "", "");
      return;
    }
    Condition c = ready.get();
    if (c.isTrue()) {
      conditions.markTrue(SINK_BINDING_READY);
    } else if (c.isFalse()) {
      conditions.markFalse(SINK_BINDING_READY, c.reason(), c.message());
    } else {
      conditions.markUnknown(SINK_BINDING_READY, c.reason(), c.message());
    }
  }

  /**
   * Mirrors the child Deployment's Available condition onto ReceiveAdapterReady (no
   * unavailable-replicas check, unlike other sources); Unknown {@code DeploymentUnavailable} when
   * the Deployment has no Available condition.
   */
  public void propagateReceiveAdapterStatus(Deployment deployment) {
    DeploymentAvailability.propagate(conditions, RECEIVE_ADAPTER_READY, deployment, false);
  }
}
