package dev.tributary.local.cluster;

import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.client.KubernetesClient;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.function.Consumer;

/**
 * Applies manifests to the local cluster the way {@code kubectl apply --server-side} would (field
 * manager {@code tributary-up}, conflicts forced: {@code up} owns what it installs), and waits for
 * Deployments to become available.
 */
public final class ManifestApplier {

  /** The field manager of what {@code up} applies. */
  public static final String FIELD_MANAGER = "tributary-up";

  private final KubernetesClient client;
  private final Clock clock;

  public ManifestApplier(KubernetesClient client, Clock clock) {
    this.client = client;
    this.clock = clock;
  }

  /**
   * Applies every document of {@code yaml}, in order.
   *
   * @return the objects applied
   */
  public List<HasMetadata> apply(String yaml) {
    List<HasMetadata> objects =
        client.load(new ByteArrayInputStream(yaml.getBytes(StandardCharsets.UTF_8))).items();
    for (HasMetadata object : objects) {
      client.resource(object).fieldManager(FIELD_MANAGER).forceConflicts().serverSideApply();
    }
    return objects;
  }

  /**
   * Waits until each of {@code deployments} (in {@code namespace}) reports condition Available
   * True, telling {@code progress} as each one does.
   *
   * @throws IllegalStateException after {@code timeout}, naming those still unavailable
   */
  public void awaitAvailable(
      String namespace, List<String> deployments, Duration timeout, Consumer<String> progress)
      throws InterruptedException {
    Instant deadline = clock.instant().plus(timeout);
    java.util.Set<String> waiting = new java.util.LinkedHashSet<>(deployments);
    while (!waiting.isEmpty()) {
      for (String name : List.copyOf(waiting)) {
        Deployment deployment =
            client.apps().deployments().inNamespace(namespace).withName(name).get();
        if (deployment != null && available(deployment)) {
          waiting.remove(name);
          progress.accept(namespace + "/" + name + " available");
        }
      }
      if (waiting.isEmpty()) {
        return;
      }
      if (clock.instant().isAfter(deadline)) {
        throw new IllegalStateException(
            "not available after "
                + timeout.toSeconds()
                + "s: "
                + waiting
                + " in namespace "
                + namespace
                + " (kubectl -n "
                + namespace
                + " get pods, and kubectl describe, say why)");
      }
      Thread.sleep(200);
    }
  }

  private static boolean available(Deployment deployment) {
    return deployment.getStatus() != null
        && deployment.getStatus().getConditions() != null
        && deployment.getStatus().getConditions().stream()
            .anyMatch(c -> "Available".equals(c.getType()) && "True".equals(c.getStatus()));
  }
}
