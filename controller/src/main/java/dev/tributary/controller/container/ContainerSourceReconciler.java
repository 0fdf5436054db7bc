package dev.tributary.controller.container;

import dev.tributary.api.sources.container.ContainerSource;
import dev.tributary.api.sources.container.ContainerSourceDefaults;
import dev.tributary.api.sources.container.ContainerSourceLifecycle;
import dev.tributary.api.sources.container.ContainerSourceStatus;
import dev.tributary.api.sources.sinkbinding.SinkBinding;
import dev.tributary.api.sources.sinkbinding.SinkBindingStatus;
import dev.tributary.controller.ReconcileEvent;
import dev.tributary.controller.Reconciler;
import dev.tributary.controller.Result;
import dev.tributary.controller.children.ChildMessages;
import dev.tributary.controller.children.ChildRecipe;
import dev.tributary.controller.children.ChildReconciler;
import dev.tributary.controller.children.JsonTrees;
import dev.tributary.controller.container.resources.ContainerSourceChildren;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.client.utils.KubernetesSerialization;
import java.time.Clock;

/**
 * Upstream's {@code containersource} reconciler: creates or updates the source's SinkBinding and
 * Deployment ({@link ContainerSourceChildren}), mirrors the binding's Ready (and its sinkUri) into
 * SinkBindingReady and the Deployment's Available into ReceiveAdapterReady, and reports {@code
 * Normal ContainerSourceReconciled}. Both children are tracked, so their changes re-reconcile the
 * source. No finalizer: the children go with the source through their owner references.
 *
 * <p>The sink itself is resolved by the SinkBinding's reconciler, which injects it into the
 * Deployment. Called on worker threads; blocks on API calls.
 */
public final class ContainerSourceReconciler implements Reconciler<ContainerSource> {

  public static final String SOURCE_RECONCILED = "ContainerSourceReconciled";
  public static final String DEPLOYMENT_CREATED = "ContainerSourceDeploymentCreated";
  public static final String DEPLOYMENT_UPDATED = "ContainerSourceDeploymentUpdated";
  public static final String SINK_BINDING_CREATED = "ContainerSourceSinkBindingCreated";
  public static final String SINK_BINDING_UPDATED = "ContainerSourceSinkBindingUpdated";

  private final ChildReconciler children;
  private final JsonTrees trees;
  private final Clock clock;

  public ContainerSourceReconciler(
      ChildReconciler children, KubernetesSerialization serialization, Clock clock) {
    this.children = children;
    this.trees = new JsonTrees(serialization);
    this.clock = clock;
  }

  @Override
  public Result reconcile(ContainerSource source) {
    if (source.getStatus() == null) {
      source.setStatus(new ContainerSourceStatus());
    }
    ContainerSourceLifecycle lifecycle = new ContainerSourceLifecycle(source.getStatus(), clock);
    lifecycle.initialize();
    if (source.getSpec() == null || source.getSpec().template() == null) {
      return Result.failed(new IllegalArgumentException("spec.template is missing"));
    }
    ContainerSource defaulted = ContainerSourceDefaults.apply(source);
    String name = source.getMetadata().getName();

    SinkBinding desiredBinding = ContainerSourceChildren.sinkBinding(defaulted);
    String bindingName = desiredBinding.getMetadata().getName();
    SinkBinding binding =
        children.reconcile(
            source,
            new ChildRecipe<>(
                desiredBinding,
                SinkBinding.class,
                (live, want) -> trees.isDerivative(want.getSpec(), live.getSpec()),
                (live, want) -> {
                  live.setSpec(want.getSpec());
                  return live;
                },
                new ChildMessages(
                    SINK_BINDING_CREATED,
                    "SinkBinding created \"" + bindingName + "\"",
                    SINK_BINDING_UPDATED,
                    "SinkBinding updated \"" + bindingName + "\"",
                    "SinkBinding \""
                        + bindingName
                        + "\" is not owned by ContainerSource \""
                        + name
                        + "\"")));
    lifecycle.propagateSinkBindingStatus(
        binding.getStatus() == null ? new SinkBindingStatus() : binding.getStatus());

    Deployment desiredDeployment = ContainerSourceChildren.deployment(defaulted);
    String deploymentName = desiredDeployment.getMetadata().getName();
    Deployment deployment =
        children.reconcile(
            source,
            new ChildRecipe<>(
                desiredDeployment,
                Deployment.class,
                (live, want) ->
                    trees.isDerivative(want.getSpec().getTemplate(), live.getSpec().getTemplate()),
                (live, want) -> {
                  live.getSpec().setTemplate(want.getSpec().getTemplate());
                  return live;
                },
                new ChildMessages(
                    DEPLOYMENT_CREATED,
                    "Deployment created \"" + deploymentName + "\"",
                    DEPLOYMENT_UPDATED,
                    "Deployment updated \"" + deploymentName + "\"",
                    "deployment \""
                        + deploymentName
                        + "\" is not owned by ContainerSource \""
                        + name
                        + "\"")));
    lifecycle.propagateReceiveAdapterStatus(deployment);
    return Result.reported(
        ReconcileEvent.normal(
            SOURCE_RECONCILED,
            "ContainerSource reconciled: \""
                + source.getMetadata().getNamespace()
                + "/"
                + name
                + "\""));
  }
}
