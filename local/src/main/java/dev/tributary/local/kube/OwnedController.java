package dev.tributary.local.kube;

import dev.tributary.controller.Controller;
import dev.tributary.controller.EventRecorder;
import dev.tributary.controller.ExecutorDelayScheduler;
import dev.tributary.controller.ExponentialBackoff;
import dev.tributary.controller.ObjectKey;
import dev.tributary.controller.Reconciler;
import dev.tributary.controller.WorkQueue;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.OwnerReference;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.informers.ResourceEventHandler;
import io.fabric8.kubernetes.client.informers.SharedIndexInformer;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.function.Function;

/**
 * A kube-controller-manager style loop, shared by the workload controllers: one {@link Controller}
 * over every object of an owner kind (all namespaces), plus an informer over the kind it owns that
 * brings the controlling owner back whenever one of its children changes (as {@code
 * resolveControllerRef} does) and lists an owner's children from its cache. No leader election: a
 * local cluster runs one of each.
 *
 * <p>{@link #start} starts both informers and then the workers; {@link #close} stops everything.
 * Thread-safe.
 */
public final class OwnedController<O extends HasMetadata, C extends HasMetadata>
    implements AutoCloseable {

  private static final String BY_CONTROLLER = "controller-uid";

  /**
   * What an owner kind's reconciler is built from.
   *
   * @param recorder records Events as the controller's component
   * @param childrenOf the cached children whose controller reference has the given owner uid
   */
  public record Parts<C>(EventRecorder recorder, Function<String, List<C>> childrenOf) {}

  private final String name;
  private final ExecutorDelayScheduler delays;
  private final Controller<O> controller;
  private final SharedIndexInformer<C> children;

  /**
   * @param name the controller's component, e.g. {@code deployment-controller} (Events' source)
   * @param ownerKind e.g. {@code Deployment}, matched against children's controller references
   * @param workers how many owners are reconciled at once
   * @param reconciler builds the kind's reconciler from its {@link Parts}
   */
  public OwnedController(
      String name,
      KubernetesClient client,
      Clock clock,
      Class<O> ownerType,
      String ownerKind,
      Class<C> childType,
      int workers,
      Function<Parts<C>, Reconciler<O>> reconciler) {
    this.name = name;
    this.delays = new ExecutorDelayScheduler(name + "-delays");
    this.children = client.resources(childType).inAnyNamespace().runnableInformer(0);
    children.addIndexers(Map.of(BY_CONTROLLER, OwnedController::controllerUid));
    Parts<C> parts =
        new Parts<>(
            new EventRecorder(client, name, clock),
            uid -> children.getIndexer().byIndex(BY_CONTROLLER, uid));
    this.controller =
        new Controller<>(
            name,
            client.resources(ownerType).inAnyNamespace().runnableInformer(0),
            reconciler.apply(parts),
            new WorkQueue<>(ExponentialBackoff.controllerDefault(), delays),
            workers,
            client.getKubernetesSerialization());
    children.addEventHandler(new OwnerEnqueuer(ownerKind));
  }

  private static List<String> controllerUid(HasMetadata child) {
    List<OwnerReference> refs = child.getMetadata().getOwnerReferences();
    if (refs == null) {
      return List.of();
    }
    return refs.stream()
        .filter(ref -> Boolean.TRUE.equals(ref.getController()) && ref.getUid() != null)
        .map(OwnerReference::getUid)
        .toList();
  }

  /** Starts the informers; completes once both caches have synced and the workers run. */
  public CompletableFuture<Void> start() {
    return CompletableFuture.allOf(
            controller.start(), children.start().toCompletableFuture().thenApply(x -> null))
        .thenRun(controller::startWorkers);
  }

  public String name() {
    return name;
  }

  @Override
  public void close() {
    controller.close();
    children.close();
    delays.close();
  }

  private final class OwnerEnqueuer implements ResourceEventHandler<C> {
    private final String ownerKind;

    OwnerEnqueuer(String ownerKind) {
      this.ownerKind = ownerKind;
    }

    @Override
    public void onAdd(C child) {
      enqueueOwner(child);
    }

    @Override
    public void onUpdate(C before, C after) {
      enqueueOwner(after);
      // A child that changed owner brings its former owner back too.
      enqueueOwner(before);
    }

    @Override
    public void onDelete(C child, boolean finalStateUnknown) {
      enqueueOwner(child);
    }

    private void enqueueOwner(C child) {
      if (child.getMetadata().getOwnerReferences() == null) {
        return;
      }
      for (OwnerReference ref : child.getMetadata().getOwnerReferences()) {
        if (Boolean.TRUE.equals(ref.getController()) && ownerKind.equals(ref.getKind())) {
          controller.enqueue(new ObjectKey(child.getMetadata().getNamespace(), ref.getName()));
        }
      }
    }
  }
}
