package dev.tributary.local.cluster;

import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.client.KubernetesClient;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HexFormat;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
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
    List<HasMetadata> objects = load(yaml);
    objects.forEach(this::applyOne);
    return objects;
  }

  private List<HasMetadata> load(String yaml) {
    return client.load(new ByteArrayInputStream(yaml.getBytes(StandardCharsets.UTF_8))).items();
  }

  private void applyOne(HasMetadata object) {
    client.resource(object).fieldManager(FIELD_MANAGER).forceConflicts().serverSideApply();
  }

  /**
   * Applies {@code yaml} as {@link #apply} does, unless it is what was applied last time (its
   * SHA-256 is the one kept in {@code record}): then only the objects missing from the cluster are
   * applied. A restart of {@code up} then leaves alone what controllers changed in the objects
   * since (the ping adapter's replicas and env), as a node reboot does, instead of reverting it and
   * making them change it back; a user's deletion is still repaired. {@code record} is written
   * after a full apply has succeeded.
   *
   * @return the objects applied
   * @throws IOException if {@code record} cannot be read or written
   */
  public List<HasMetadata> applyUnlessApplied(String yaml, Path record) throws IOException {
    String digest = sha256(yaml);
    if (Files.exists(record)
        && Files.readString(record, StandardCharsets.US_ASCII).trim().equals(digest)) {
      List<HasMetadata> missing =
          load(yaml).stream().filter(object -> client.resource(object).get() == null).toList();
      missing.forEach(this::applyOne);
      return missing;
    }
    List<HasMetadata> applied = apply(yaml);
    Path partial = record.resolveSibling(record.getFileName() + ".tmp");
    Files.writeString(partial, digest + "\n", StandardCharsets.US_ASCII);
    Files.move(
        partial, record, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    return applied;
  }

  private static String sha256(String text) {
    try {
      return HexFormat.of()
          .formatHex(
              MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8)));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("every JDK has SHA-256", e);
    }
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
    Set<String> waiting = new LinkedHashSet<>(deployments);
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
