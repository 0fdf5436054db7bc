package dev.tributary.local.kubelet.env;

/**
 * A container's configuration cannot be resolved (a missing ConfigMap, Secret or key): the
 * kubelet's {@code CreateContainerConfigError}, with Kubernetes' message.
 */
public final class ContainerConfigException extends Exception {
  private static final long serialVersionUID = 1L;

  public ContainerConfigException(String message) {
    super(message);
  }
}
