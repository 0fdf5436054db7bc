package dev.tributary.controller.sinkbinding;

import dev.tributary.api.sources.sinkbinding.SinkBinding;
import dev.tributary.controller.Controller;
import dev.tributary.controller.EventRecorder;
import dev.tributary.controller.ExecutorDelayScheduler;
import dev.tributary.controller.ExponentialBackoff;
import dev.tributary.controller.InformerTracker;
import dev.tributary.controller.KindReconciler;
import dev.tributary.controller.ObjectKey;
import dev.tributary.controller.WorkQueue;
import dev.tributary.controller.sink.SinkResolver;
import io.fabric8.kubernetes.client.KubernetesClient;
import java.time.Clock;
import java.time.Duration;

/**
 * The SinkBinding controller, wired: an informer over every namespace's SinkBindings, a work queue,
 * a tracker for sinks and subjects, and the {@link SinkBindingReconciler} behind the framework's
 * {@link KindReconciler} with the {@code sinkbindings.sources.knative.dev} finalizer.
 *
 * <p>The one entry point is {@link #create}. The caller then runs {@link #controller()} as any
 * other: {@code start()} to sync the informer, {@code startWorkers()}/{@code stopWorkers()} from
 * leader election, and {@link #close()} to stop it all.
 */
public final class SinkBindingControllers implements AutoCloseable {

  /**
   * How the controller runs.
   *
   * @param clusterDomain for core Service sinks, usually {@code cluster.local}
   * @param selection which namespaces and objects may be bound ({@code
   *     SINK_BINDING_SELECTION_MODE})
   * @param workers how many bindings are reconciled at once
   * @param syncTimeout how long a first read of a sink or subject kind waits for its cache
   * @param clock stamps condition transitions
   */
  public record Settings(
      String clusterDomain,
      BindingSelection selection,
      int workers,
      Duration syncTimeout,
      Clock clock) {

    /** cluster.local, exclusion mode, two workers, 30 s, the system clock. */
    public static Settings defaults() {
      return new Settings(
          "cluster.local",
          BindingSelection.EXCLUSION,
          2,
          Duration.ofSeconds(30),
          Clock.systemUTC());
    }
  }

  private final Controller<SinkBinding> controller;
  private final InformerTracker tracker;
  private final ExecutorDelayScheduler scheduler;

  private SinkBindingControllers(
      Controller<SinkBinding> controller,
      InformerTracker tracker,
      ExecutorDelayScheduler scheduler) {
    this.controller = controller;
    this.tracker = tracker;
    this.scheduler = scheduler;
  }

  /**
   * Builds the SinkBinding controller; nothing runs until {@code controller().start()}.
   *
   * @param recorder records the binding's Events (component {@code sinkbinding-controller}
   *     upstream)
   */
  public static SinkBindingControllers create(
      KubernetesClient client, EventRecorder recorder, Settings settings) {
    ExecutorDelayScheduler scheduler = new ExecutorDelayScheduler("sinkbinding-queue-delays");
    WorkQueue<ObjectKey> queue = new WorkQueue<>(ExponentialBackoff.controllerDefault(), scheduler);
    InformerTracker tracker = new InformerTracker(client, queue::add, settings.syncTimeout());
    SinkResolver resolver =
        new SinkResolver(
            tracker, tracker, settings.clusterDomain(), client.getKubernetesSerialization());
    SinkBindingReconciler reconciler =
        new SinkBindingReconciler(
            client, recorder, resolver, tracker, settings.selection(), settings.clock());
    Controller<SinkBinding> controller =
        new Controller<>(
            "sinkbindings",
            client.resources(SinkBinding.class).inAnyNamespace().runnableInformer(0),
            new KindReconciler<>(client, recorder, reconciler, SinkBinding.FINALIZER, reconciler),
            queue,
            settings.workers(),
            client.getKubernetesSerialization());
    return new SinkBindingControllers(controller, tracker, scheduler);
  }

  /** The controller to start, lead and stop. */
  public Controller<SinkBinding> controller() {
    return controller;
  }

  /** Stops the controller, the tracker's informers and the queue's delay thread. */
  @Override
  public void close() {
    try {
      controller.close();
    } finally {
      try {
        tracker.close();
      } finally {
        scheduler.close();
      }
    }
  }
}
