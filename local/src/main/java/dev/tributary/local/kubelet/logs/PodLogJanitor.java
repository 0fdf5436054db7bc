package dev.tributary.local.kubelet.logs;

import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.informers.ResourceEventHandler;
import io.fabric8.kubernetes.client.informers.SharedIndexInformer;
import java.io.IOException;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Removes a pod's container logs once the pod is gone from the API, as the kubelet removes {@code
 * /var/log/pods/...} with the pod; at start, also the logs of pods deleted while nobody watched.
 * Watches Pods in every namespace through its own informer. Removal failures are logged with the
 * pod's key and retried at the next start.
 */
public final class PodLogJanitor implements AutoCloseable {

  private static final Logger log = LoggerFactory.getLogger(PodLogJanitor.class);

  private final FileContainerLogs logs;
  private final SharedIndexInformer<Pod> informer;

  public PodLogJanitor(KubernetesClient client, FileContainerLogs logs) {
    this.logs = logs;
    this.informer = client.pods().inAnyNamespace().runnableInformer(0);
    informer.addEventHandler(
        new ResourceEventHandler<>() {
          @Override
          public void onAdd(Pod pod) {}

          @Override
          public void onUpdate(Pod before, Pod after) {}

          @Override
          public void onDelete(Pod pod, boolean finalStateUnknown) {
            remove(pod);
          }
        });
  }

  /**
   * Starts watching; completes once the informer has synced and the logs of pods no longer there
   * are removed.
   */
  public CompletableFuture<Void> start() {
    return informer
        .start()
        .toCompletableFuture()
        .thenRun(
            () -> {
              Set<String> uids =
                  informer.getStore().list().stream()
                      .map(pod -> pod.getMetadata().getUid())
                      .collect(Collectors.toSet());
              try {
                logs.retainPods(uids);
              } catch (IOException e) {
                log.warn("logs of removed pods not deleted: {}", e.toString());
              }
            });
  }

  /** Stops watching. */
  @Override
  public void close() {
    informer.close();
  }

  private void remove(Pod pod) {
    try {
      logs.removePod(pod.getMetadata().getUid());
    } catch (IOException e) {
      log.warn(
          "logs of a removed pod not deleted key={}/{}: {}",
          pod.getMetadata().getNamespace(),
          pod.getMetadata().getName(),
          e.toString());
    }
  }
}
