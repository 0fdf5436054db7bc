package dev.tributary.local.cluster;

import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.Namespace;
import io.fabric8.kubernetes.api.model.NamespaceBuilder;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.client.KubernetesClient;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HexFormat;
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
   * Applies {@code yaml} unless the digest of exactly this text is recorded on namespace {@code
   * recordOn} (by an earlier call), and records it afterwards. Re-applying an unchanged release on
   * every start would force its fields back over what controllers wrote since (the ping adapter's
   * replicas and env), rolling their pods for nothing.
   *
   * @return whether it was applied
   */
  public boolean applyUnlessRecorded(String yaml, String recordOn) {
    String digest = digest(yaml);
    Namespace namespace = client.namespaces().withName(recordOn).get();
    if (namespace != null
        && digest.equals(namespace.getMetadata().getAnnotations().get(DIGEST_ANNOTATION))) {
      return false;
    }
    apply(yaml);
    client
        .namespaces()
        .withName(recordOn)
        .edit(
            n ->
                new NamespaceBuilder(n)
                    .editMetadata()
                    .addToAnnotations(DIGEST_ANNOTATION, digest)
                    .endMetadata()
                    .build());
    return true;
  }

  /** Where {@link #applyUnlessRecorded} records what it applied. */
  public static final String DIGEST_ANNOTATION = "tributary.dev/applied-manifest-sha256";

  private static String digest(String yaml) {
    try {
      return HexFormat.of()
          .formatHex(
              MessageDigest.getInstance("SHA-256").digest(yaml.getBytes(StandardCharsets.UTF_8)));
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
