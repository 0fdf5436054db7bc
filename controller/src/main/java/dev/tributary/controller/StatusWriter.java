package dev.tributary.controller;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientException;
import java.net.HttpURLConnection;

/**
 * Writes an object's status through the status subresource, and only when it changed.
 *
 * <p>The first attempt compares against the (cached) object the reconcile started from; on a 409
 * Conflict it reads the latest object and tries again with the same desired status, up to {@value
 * #ATTEMPTS} attempts, as knative.dev/pkg's {@code RetryUpdateConflicts}. Blocks on API calls;
 * throws the last {@link KubernetesClientException} when it gives up.
 */
public final class StatusWriter {

  static final int ATTEMPTS = 5;

  private final KubernetesClient client;
  private final StatusComparison comparison;

  public StatusWriter(KubernetesClient client) {
    this.client = client;
    this.comparison = new StatusComparison(client.getKubernetesSerialization());
  }

  /**
   * Writes {@code desired}'s status, with {@code observedGeneration} stamped from its {@code
   * metadata.generation}, if that differs from {@code before}'s status.
   *
   * @return whether a status was written
   */
  @SuppressWarnings("unchecked")
  public <T extends HasMetadata> boolean writeIfChanged(T before, T desired) {
    ObjectNode desiredTree = comparison.tree(desired);
    StatusComparison.stampObservedGeneration(desiredTree);
    JsonNode desiredStatus = StatusComparison.status(desiredTree);
    ObjectNode existing = comparison.tree(before);
    for (int attempt = 1; ; attempt++) {
      if (!StatusComparison.changed(StatusComparison.status(existing), desiredStatus)) {
        return false;
      }
      existing.set("status", desiredStatus.deepCopy());
      try {
        client.resource((T) comparison.object(existing, desired.getClass())).updateStatus();
        return true;
      } catch (KubernetesClientException e) {
        if (e.getCode() != HttpURLConnection.HTTP_CONFLICT || attempt == ATTEMPTS) {
          throw e;
        }
      }
      T latest = client.resource(desired).get();
      if (latest == null) {
        throw new KubernetesClientException(
            "cannot update status: " + ObjectKey.of(desired) + " no longer exists");
      }
      existing = comparison.tree(latest);
    }
  }
}
