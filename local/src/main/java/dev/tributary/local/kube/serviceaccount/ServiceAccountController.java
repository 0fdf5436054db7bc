package dev.tributary.local.kube.serviceaccount;

import dev.tributary.controller.Controller;
import dev.tributary.controller.ExecutorDelayScheduler;
import dev.tributary.controller.ExponentialBackoff;
import dev.tributary.controller.ObjectKey;
import dev.tributary.controller.Result;
import dev.tributary.controller.WorkQueue;
import io.fabric8.kubernetes.api.model.Namespace;
import io.fabric8.kubernetes.api.model.ServiceAccount;
import io.fabric8.kubernetes.api.model.ServiceAccountBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientException;
import io.fabric8.kubernetes.client.informers.ResourceEventHandler;
import io.fabric8.kubernetes.client.informers.SharedIndexInformer;
import java.net.HttpURLConnection;
import java.util.concurrent.CompletableFuture;

/**
 * kube-controller-manager's ServiceAccount controller for the local cluster: every Active namespace
 * gets a ServiceAccount {@code default}, created again if it is deleted. Existing ones are left as
 * they are. (The local API server also creates it with the namespace; this controller is what
 * brings it back.)
 *
 * <p>Lifecycle: {@link #start} starts both informers and the worker, completing once the caches
 * have synced; {@link #close} stops everything. Owns its informers, queue and thread; the client
 * stays the caller's.
 */
public final class ServiceAccountController implements AutoCloseable {

  /** The ServiceAccount every namespace has. */
  public static final String DEFAULT = "default";

  static final String COMPONENT = "serviceaccount-controller";

  private final KubernetesClient client;
  private final SharedIndexInformer<ServiceAccount> accounts;
  private final ExecutorDelayScheduler scheduler;
  private final Controller<Namespace> controller;

  public ServiceAccountController(KubernetesClient client) {
    this.client = client;
    this.accounts =
        client
            .serviceAccounts()
            .inAnyNamespace()
            .withField("metadata.name", DEFAULT)
            .runnableInformer(0);
    this.scheduler = new ExecutorDelayScheduler(COMPONENT + "-delays");
    this.controller =
        new Controller<>(
            COMPONENT,
            client.namespaces().runnableInformer(0),
            this::sync,
            new WorkQueue<>(ExponentialBackoff.controllerDefault(), scheduler),
            1,
            client.getKubernetesSerialization());
    accounts.addEventHandler(
        new ResourceEventHandler<ServiceAccount>() {
          @Override
          public void onAdd(ServiceAccount account) {}

          @Override
          public void onUpdate(ServiceAccount before, ServiceAccount after) {}

          @Override
          public void onDelete(ServiceAccount account, boolean finalStateUnknown) {
            controller.enqueue(new ObjectKey("", account.getMetadata().getNamespace()));
          }
        });
  }

  private Result sync(Namespace namespace) {
    String name = namespace.getMetadata().getName();
    boolean active =
        namespace.getMetadata().getDeletionTimestamp() == null
            && (namespace.getStatus() == null
                || namespace.getStatus().getPhase() == null
                || "Active".equals(namespace.getStatus().getPhase()));
    if (!active || accounts.getIndexer().getByKey(name + "/" + DEFAULT) != null) {
      return Result.done();
    }
    try {
      client
          .serviceAccounts()
          .inNamespace(name)
          .resource(
              new ServiceAccountBuilder()
                  .withNewMetadata()
                  .withName(DEFAULT)
                  .withNamespace(name)
                  .endMetadata()
                  .build())
          .create();
    } catch (KubernetesClientException e) {
      // Already there (the cache lags), or the namespace began terminating: nothing to do.
      if (e.getCode() != HttpURLConnection.HTTP_CONFLICT
          && e.getCode() != HttpURLConnection.HTTP_FORBIDDEN) {
        throw e;
      }
    }
    return Result.done();
  }

  /** Starts the informers, then the worker; completes once both caches have synced. */
  public CompletableFuture<Void> start() {
    return accounts
        .start()
        .toCompletableFuture()
        .thenCompose(ignored -> controller.start())
        .thenRun(controller::startWorkers);
  }

  /** Stops the worker and informers. */
  @Override
  public void close() {
    controller.close();
    accounts.close();
    scheduler.close();
  }
}
