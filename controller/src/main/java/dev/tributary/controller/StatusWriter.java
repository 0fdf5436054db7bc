package dev.tributary.controller;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.client.KubernetesClient;

/**
 * Writes an object's status through the status subresource, and only when it changed.
 *
 * <p>Blocks on the API call. A stale {@code resourceVersion} fails with a 409 {@link
 * io.fabric8.kubernetes.client.KubernetesClientException}, which the {@link Controller} retries.
 */
public final class StatusWriter {

  private final KubernetesClient client;
  private final StatusComparison comparison;

  public StatusWriter(KubernetesClient client) {
    this.client = client;
    this.comparison = new StatusComparison(client.getKubernetesSerialization());
  }

  /**
   * Stamps {@code status.observedGeneration} on {@code desired} and writes its status if it differs
   * from {@code before}'s.
   *
   * @return the object as the server returned it, or {@code desired} (stamped) when nothing was
   *     written
   */
  @SuppressWarnings("unchecked")
  public <T extends HasMetadata> T writeIfChanged(T before, T desired) {
    ObjectNode desiredTree = comparison.tree(desired);
    StatusComparison.stampObservedGeneration(desiredTree);
    T stamped = (T) comparison.object(desiredTree, desired.getClass());
    if (!StatusComparison.changed(
        StatusComparison.status(comparison.tree(before)), StatusComparison.status(desiredTree))) {
      return stamped;
    }
    return client.resource(stamped).updateStatus();
  }
}
