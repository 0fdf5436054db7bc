package dev.tributary.local.kubelet;

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
 */
public record KubeletSettings(
    String nodeName, boolean hostExec, Duration initialBackOff, Duration maxBackOff) {

  /** The local cluster's one node. */
  public static final String DEFAULT_NODE_NAME = "tributary";

  public KubeletSettings {
    Objects.requireNonNull(nodeName, "nodeName");
    Objects.requireNonNull(initialBackOff, "initialBackOff");
    Objects.requireNonNull(maxBackOff, "maxBackOff");
  }

  /** Node {@code tributary}, host exec on, Kubernetes' back-off: 10s doubling up to 5 minutes. */
  public static KubeletSettings defaults() {
    return new KubeletSettings(
        DEFAULT_NODE_NAME, true, Duration.ofSeconds(10), Duration.ofMinutes(5));
  }

  /** These settings with host exec on or off. */
  public KubeletSettings withHostExec(boolean on) {
    return new KubeletSettings(nodeName, on, initialBackOff, maxBackOff);
  }

  /** These settings with another back-off (tests shorten it). */
  public KubeletSettings withBackOff(Duration initial, Duration max) {
    return new KubeletSettings(nodeName, hostExec, initial, max);
  }
}
