package dev.tributary.local.kubelet;

import dev.tributary.local.kubelet.env.EnvResolver;
import dev.tributary.local.kubelet.image.ImageResolver;
import dev.tributary.local.kubelet.logs.ContainerLogs;
import dev.tributary.local.network.HostEnvRewriter;
import io.fabric8.kubernetes.client.KubernetesClient;
import java.nio.file.Path;
import java.time.Clock;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.ScheduledExecutorService;
import java.util.function.Consumer;

/**
 * What every pod worker of one {@link Kubelet} shares. All members are thread-safe.
 *
 * @param hostEnv rewrites host processes' cluster URLs; null when there is no cluster network
 * @param kubeletDir {@code <data-dir>/kubelet}
 * @param serverUrl the API server's URL, for pods' kubeconfigs
 * @param caPem the cluster CA (PEM), for pods' kubeconfigs
 * @param finished told the uid of a pod whose worker is done
 */
record KubeletContext(
    KubernetesClient client,
    KubeletSettings settings,
    Clock clock,
    ScheduledExecutorService timers,
    ExecutorService workers,
    KubeletEvents events,
    ContainerLogs logs,
    EnvResolver env,
    ImageResolver images,
    PodAddresses addresses,
    ServiceAccountTokens tokens,
    HostEnvRewriter hostEnv,
    Path kubeletDir,
    String serverUrl,
    byte[] caPem,
    Consumer<String> finished) {

  /** The node's address, every pod's {@code status.hostIP}. */
  static final String HOST_IP = "127.0.0.1";

  /** The finalizer that holds a running pod's deletion until the kubelet has stopped it. */
  static final String FINALIZER = "tributary.dev/kubelet";

  BackOff backOff() {
    return new BackOff(settings.initialBackOff(), settings.maxBackOff());
  }
}
