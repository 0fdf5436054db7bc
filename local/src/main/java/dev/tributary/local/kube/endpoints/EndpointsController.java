package dev.tributary.local.kube.endpoints;

import dev.tributary.controller.Controller;
import dev.tributary.controller.ExecutorDelayScheduler;
import dev.tributary.controller.ExponentialBackoff;
import dev.tributary.controller.ObjectKey;
import dev.tributary.controller.Result;
import dev.tributary.controller.WorkQueue;
import io.fabric8.kubernetes.api.model.Endpoints;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.Service;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientException;
import io.fabric8.kubernetes.client.informers.ResourceEventHandler;
import io.fabric8.kubernetes.client.informers.SharedIndexInformer;
import io.fabric8.kubernetes.client.informers.cache.Cache;
import java.net.HttpURLConnection;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * kube-controller-manager's Endpoints controller for the local cluster: keeps an Endpoints object
 * named as each Service with a selector equal to {@link DesiredEndpoints} over the namespace's
 * pods, and deletes it with the Service. Watches Services and pods in all namespaces; a pod change
 * brings back the Services whose selectors match its old or new labels. Services without a selector
 * are left alone (their Endpoints are the user's).
 *
 * <p>Lifecycle: {@link #start} starts both informers and the workers, completing once the caches
 * have synced; {@link #close} stops everything. Owns its informers, queue and threads; the client
 * stays the caller's.
 */
public final class EndpointsController implements AutoCloseable {

  static final String COMPONENT = "endpoint-controller";
  private static final Logger LOG = LoggerFactory.getLogger(EndpointsController.class);
  private static final int WORKERS = 2;

  private final KubernetesClient client;
  private final SharedIndexInformer<Service> services;
  private final SharedIndexInformer<Pod> pods;
  private final ExecutorDelayScheduler scheduler;
  private final Controller<Service> controller;

  public EndpointsController(KubernetesClient client) {
    this.client = client;
    this.services = client.services().inAnyNamespace().runnableInformer(0);
    this.pods = client.pods().inAnyNamespace().runnableInformer(0);
    this.scheduler = new ExecutorDelayScheduler(COMPONENT + "-delays");
    this.controller =
        new Controller<>(
            COMPONENT,
            services,
            this::sync,
            new WorkQueue<>(ExponentialBackoff.controllerDefault(), scheduler),
            WORKERS,
            client.getKubernetesSerialization());
    services.addEventHandler(
        new ResourceEventHandler<Service>() {
          @Override
          public void onAdd(Service service) {}

          @Override
          public void onUpdate(Service before, Service after) {}

          @Override
          public void onDelete(Service service, boolean finalStateUnknown) {
            deleteEndpoints(service);
          }
        });
    pods.addEventHandler(
        new ResourceEventHandler<Pod>() {
          @Override
          public void onAdd(Pod pod) {
            enqueueServices(pod, null);
          }

          @Override
          public void onUpdate(Pod before, Pod after) {
            enqueueServices(after, before);
          }

          @Override
          public void onDelete(Pod pod, boolean finalStateUnknown) {
            enqueueServices(pod, null);
          }
        });
  }

  private Result sync(Service service) {
    if (!DesiredEndpoints.managed(service)) {
      return Result.done();
    }
    String namespace = service.getMetadata().getNamespace();
    Endpoints desired =
        DesiredEndpoints.of(service, pods.getIndexer().byIndex(Cache.NAMESPACE_INDEX, namespace));
    Endpoints current =
        client.endpoints().inNamespace(namespace).withName(service.getMetadata().getName()).get();
    if (current == null) {
      client.endpoints().resource(desired).create();
      return Result.done();
    }
    if (Objects.equals(orEmpty(current.getSubsets()), desired.getSubsets())
        && Objects.equals(
            orEmpty(current.getMetadata().getLabels()), desired.getMetadata().getLabels())) {
      return Result.done();
    }
    current.setSubsets(desired.getSubsets());
    current.getMetadata().setLabels(desired.getMetadata().getLabels());
    client.endpoints().resource(current).update();
    return Result.done();
  }

  private static <E> List<E> orEmpty(List<E> list) {
    return list == null ? List.of() : list;
  }

  private static Map<String, String> orEmpty(Map<String, String> map) {
    return map == null ? Map.of() : map;
  }

  private void enqueueServices(Pod pod, Pod before) {
    String namespace = pod.getMetadata().getNamespace();
    for (Service service : services.getIndexer().byIndex(Cache.NAMESPACE_INDEX, namespace)) {
      if (DesiredEndpoints.selects(service, pod)
          || (before != null && DesiredEndpoints.selects(service, before))) {
        controller.enqueue(ObjectKey.of(service));
      }
    }
  }

  private void deleteEndpoints(Service service) {
    if (!DesiredEndpoints.managed(service)) {
      return;
    }
    try {
      client
          .endpoints()
          .inNamespace(service.getMetadata().getNamespace())
          .withName(service.getMetadata().getName())
          .delete();
    } catch (KubernetesClientException e) {
      if (e.getCode() != HttpURLConnection.HTTP_NOT_FOUND) {
        LOG.warn("key={} could not delete the Service's Endpoints", ObjectKey.of(service), e);
      }
    }
  }

  /** Starts the informers, then the workers; completes once both caches have synced. */
  public CompletableFuture<Void> start() {
    return pods.start()
        .toCompletableFuture()
        .thenCompose(ignored -> controller.start())
        .thenRun(controller::startWorkers);
  }

  /** Stops the workers and informers. */
  @Override
  public void close() {
    controller.close();
    pods.close();
    scheduler.close();
  }
}
