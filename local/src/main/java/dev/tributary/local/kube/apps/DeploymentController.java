package dev.tributary.local.kube.apps;

import dev.tributary.controller.KindReconciler;
import dev.tributary.local.kube.OwnedController;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.apps.ReplicaSet;
import io.fabric8.kubernetes.client.KubernetesClient;
import java.time.Clock;
import java.util.concurrent.CompletableFuture;

/**
 * kube-controller-manager's deployment controller: every Deployment, in every namespace, rolled out
 * through ReplicaSets by {@link DeploymentReconciler}; a change to a ReplicaSet brings its
 * Deployment back. Events come from {@code deployment-controller}. Thread-safe.
 */
public final class DeploymentController implements AutoCloseable {

  /** Events' {@code source.component}, as Kubernetes'. */
  public static final String COMPONENT = "deployment-controller";

  private static final int WORKERS = 2;

  private final OwnedController<Deployment, ReplicaSet> loop;

  public DeploymentController(KubernetesClient client, Clock clock) {
    this.loop =
        new OwnedController<>(
            COMPONENT,
            client,
            clock,
            Deployment.class,
            "Deployment",
            ReplicaSet.class,
            WORKERS,
            parts ->
                new KindReconciler<>(
                    client,
                    parts.recorder(),
                    new DeploymentReconciler(client, parts.recorder(), clock)));
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
