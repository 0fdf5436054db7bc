package dev.tributary.bench;

import io.fabric8.kubernetes.api.model.ContainerStatus;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.informers.ResourceEventHandler;
import io.fabric8.kubernetes.client.informers.SharedIndexInformer;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.locks.LockSupport;
import java.util.function.Predicate;

/**
 * The pods of one namespace as an informer sees them, so that waiting for "N pods ready" costs the
 * measured server one watch instead of a LIST per poll. Checks the informer's cache every 20 ms
 * (that is the resolution of the times it returns). Close it to stop the informer.
 */
final class PodWatch implements AutoCloseable {

  private static final long POLL_NANOS = Duration.ofMillis(20).toNanos();

  private final SharedIndexInformer<Pod> informer;

  private PodWatch(SharedIndexInformer<Pod> informer) {
    this.informer = informer;
  }

  /** Starts an informer on the pods of {@code namespace} and waits until it has synced. */
  static PodWatch start(KubernetesClient client, String namespace) {
    SharedIndexInformer<Pod> informer =
        client
            .pods()
            .inNamespace(namespace)
            .inform(
                new ResourceEventHandler<>() {
                  @Override
                  public void onAdd(Pod pod) {}

                  @Override
                  public void onUpdate(Pod before, Pod after) {}

                  @Override
                  public void onDelete(Pod pod, boolean finalStateUnknown) {}
                });
    return new PodWatch(informer);
  }

  /** The pods in the cache now. */
  List<Pod> pods() {
    return informer.getStore().list();
  }

  /** How many pods in the cache match {@code which}. */
  long count(Predicate<Pod> which) {
    return pods().stream().filter(which).count();
  }

  /**
   * Blocks until {@code done} holds for the cache's pods.
   *
   * @return System.nanoTime() when it first held
   * @throws TimeoutException after {@code timeout}, naming what was in the cache
   */
  long await(Predicate<List<Pod>> done, Duration timeout, String what) throws TimeoutException {
    long deadline = System.nanoTime() + timeout.toNanos();
    while (true) {
      List<Pod> pods = pods();
      if (done.test(pods)) {
        return System.nanoTime();
      }
      if (System.nanoTime() > deadline) {
        throw new TimeoutException(
            "not after " + timeout.toSeconds() + " s: " + what + "; pods: " + describe(pods));
      }
      LockSupport.parkNanos(POLL_NANOS);
    }
  }

  /** Phase Running and condition Ready True. */
  static boolean runningAndReady(Pod pod) {
    return pod.getStatus() != null
        && "Running".equals(pod.getStatus().getPhase())
        && pod.getStatus().getConditions() != null
        && pod.getStatus().getConditions().stream()
            .anyMatch(c -> "Ready".equals(c.getType()) && "True".equals(c.getStatus()));
  }

  /** Phase Running. */
  static boolean running(Pod pod) {
    return pod.getStatus() != null && "Running".equals(pod.getStatus().getPhase());
  }

  /**
   * Running and Ready, with every container started at or after {@code since} (seconds precision,
   * as the API's timestamps): a pod brought back after a restart, not its stale status.
   */
  static boolean readySince(Pod pod, Instant since) {
    if (!runningAndReady(pod) || pod.getStatus().getContainerStatuses() == null) {
      return false;
    }
    Instant floor = since.minusSeconds(1);
    for (ContainerStatus status : pod.getStatus().getContainerStatuses()) {
      if (status.getState() == null
          || status.getState().getRunning() == null
          || status.getState().getRunning().getStartedAt() == null
          || Instant.parse(status.getState().getRunning().getStartedAt()).isBefore(floor)) {
        return false;
      }
    }
    return true;
  }

  /** When the pod's Ready condition last changed; fails if it has none. */
  static Instant readyTransition(Pod pod) {
    return pod.getStatus().getConditions().stream()
        .filter(c -> "Ready".equals(c.getType()) && c.getLastTransitionTime() != null)
        .map(c -> Instant.parse(c.getLastTransitionTime()))
        .findFirst()
        .orElseThrow(() -> new IllegalStateException(pod.getMetadata().getName() + ": no Ready"));
  }

  static String describe(List<Pod> pods) {
    if (pods.size() > 20) {
      return pods.size()
          + " pods, "
          + pods.stream().filter(PodWatch::running).count()
          + " running, "
          + pods.stream().filter(PodWatch::runningAndReady).count()
          + " ready";
    }
    StringBuilder out = new StringBuilder();
    for (Pod pod : pods) {
      out.append(pod.getMetadata().getName())
          .append('=')
          .append(pod.getStatus() == null ? "?" : pod.getStatus().getPhase())
          .append(runningAndReady(pod) ? "/ready " : " ");
    }
    return out.toString().trim();
  }

  @Override
  public void close() {
    informer.close();
  }
}
