package dev.tributary.local.kubelet;

import dev.tributary.local.kubelet.image.BuiltinImages;
import java.time.Duration;
import java.util.Objects;

/**
 * How a {@link Kubelet} behaves.
 *
 * @param nodeName the node this kubelet is: pods without a node are bound to it, pods bound to
 *     another node are left alone
 * @param hostExec whether an unmapped image whose container gives {@code command}/{@code args} runs
 *     them as a host process ({@code --no-host-exec} turns it off)
 * @param initialBackOff the first restart (and image pull) back-off, doubled after each failure
 * @param maxBackOff the cap of the back-off
 * @param releaseRegistry the registry (and path) of the release's images, which run in this JVM
 *     ({@link BuiltinImages})
 */
public record KubeletSettings(
    String nodeName,
    boolean hostExec,
    Duration initialBackOff,
    Duration maxBackOff,
    String releaseRegistry) {

  /** The local cluster's one node. */
  public static final String DEFAULT_NODE_NAME = "tributary";

  public KubeletSettings {
    Objects.requireNonNull(nodeName, "nodeName");
    Objects.requireNonNull(initialBackOff, "initialBackOff");
    Objects.requireNonNull(maxBackOff, "maxBackOff");
    Objects.requireNonNull(releaseRegistry, "releaseRegistry");
  }

  /**
   * Node {@code tributary}, host exec on, Kubernetes' back-off: 10s doubling up to 5 minutes, the
   * release's images under {@link BuiltinImages#DEFAULT_RELEASE_REGISTRY}.
   */
  public static KubeletSettings defaults() {
    return new KubeletSettings(
        DEFAULT_NODE_NAME,
        true,
        Duration.ofSeconds(10),
        Duration.ofMinutes(5),
        BuiltinImages.DEFAULT_RELEASE_REGISTRY);
  }

  /** These settings with host exec on or off. */
  public KubeletSettings withHostExec(boolean on) {
    return new KubeletSettings(nodeName, on, initialBackOff, maxBackOff, releaseRegistry);
  }

  /** These settings with another back-off (tests shorten it). */
  public KubeletSettings withBackOff(Duration initial, Duration max) {
    return new KubeletSettings(nodeName, hostExec, initial, max, releaseRegistry);
  }

  /** These settings with the release's images under {@code registry}. */
  public KubeletSettings withReleaseRegistry(String registry) {
    return new KubeletSettings(nodeName, hostExec, initialBackOff, maxBackOff, registry);
  }
}
