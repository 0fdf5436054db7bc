package dev.tributary.local.kube.apps;

import dev.tributary.controller.KindReconciler;
import dev.tributary.local.kube.OwnedController;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.apps.ReplicaSet;
import io.fabric8.kubernetes.client.KubernetesClient;
import java.time.Clock;
import java.util.concurrent.CompletableFuture;

/**
 * kube-controller-manager's replicaset controller: every ReplicaSet, in every namespace, kept at
 * its replica count by {@link ReplicaSetReconciler}; a change to a pod brings its ReplicaSet back.
 * Events come from {@code replicaset-controller}. Thread-safe.
 */
public final class ReplicaSetController implements AutoCloseable {

  /** Events' {@code source.component}, as Kubernetes'. */
  public static final String COMPONENT = "replicaset-controller";

  private static final int WORKERS = 2;

  private final OwnedController<ReplicaSet, Pod> loop;

  public ReplicaSetController(KubernetesClient client, Clock clock) {
    this.loop =
        new OwnedController<>(
            COMPONENT,
            client,
            clock,
            ReplicaSet.class,
            "ReplicaSet",
            Pod.class,
            WORKERS,
            parts ->
                new KindReconciler<>(
                    client,
                    parts.recorder(),
                    new ReplicaSetReconciler(client, parts.recorder(), clock)));
  }

  /** Starts watching; completes once the caches have synced and the workers run. */
  public CompletableFuture<Void> start() {
    return loop.start();
  }

  @Override
  public void close() {
    loop.close();
  }
}
