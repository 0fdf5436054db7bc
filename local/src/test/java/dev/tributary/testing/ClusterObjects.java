package dev.tributary.testing;

import static org.awaitility.Awaitility.await;

import io.fabric8.kubernetes.api.model.apiextensions.v1.CustomResourceDefinition;
import io.fabric8.kubernetes.api.model.apps.DeploymentConditionBuilder;
import io.fabric8.kubernetes.api.model.apps.DeploymentStatusBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.time.Duration;

/**
 * What tests of several modules do to a cluster before and while they run: install CRDs and wait
 * until they are served, and stand in for the Deployment controller and kubelet by marking a
 * Deployment available. Through fabric8 only, like any client.
 */
public final class ClusterObjects {

  private static final Duration WAIT = Duration.ofSeconds(30);

  private ClusterObjects() {}

  /** Creates {@code crd} and waits until it is Established. */
  public static void createCrd(KubernetesClient client, CustomResourceDefinition crd) {
    client.apiextensions().v1().customResourceDefinitions().resource(crd).create();
    String name = crd.getMetadata().getName();
    await("CRD " + name + " established")
        .atMost(WAIT)
        .until(
            () ->
                client
                    .apiextensions()
                    .v1()
                    .customResourceDefinitions()
                    .withName(name)
                    .get()
                    .getStatus()
                    .getConditions()
                    .stream()
                    .anyMatch(
                        c -> c.getType().equals("Established") && c.getStatus().equals("True")));
  }

  /**
   * Installs one of the CRDs the api module generates, e.g. {@code
   * pingsources.sources.knative.dev}, from {@code /crds/NAME.yaml} on the classpath.
   */
  public static void installSourceCrd(KubernetesClient client, String name) {
    try (InputStream in = ClusterObjects.class.getResourceAsStream("/crds/" + name + ".yaml")) {
      if (in == null) {
        throw new IllegalStateException("no CRD " + name + " on the classpath (build api first)");
      }
      createCrd(
          client,
          client.getKubernetesSerialization().unmarshal(in, CustomResourceDefinition.class));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /**
   * Marks a Deployment available with all its replicas, as a Deployment controller and kubelet
   * would.
   */
  public static void markAvailable(KubernetesClient client, String namespace, String name) {
    client
        .apps()
        .deployments()
        .inNamespace(namespace)
        .withName(name)
        .editStatus(
            d -> {
              int replicas = d.getSpec().getReplicas() == null ? 1 : d.getSpec().getReplicas();
              d.setStatus(
                  new DeploymentStatusBuilder()
                      .withObservedGeneration(d.getMetadata().getGeneration())
                      .withReplicas(replicas)
                      .withReadyReplicas(replicas)
                      .withAvailableReplicas(replicas)
                      .withUpdatedReplicas(replicas)
                      .withConditions(
                          new DeploymentConditionBuilder()
                              .withType("Available")
                              .withStatus("True")
                              .withReason("MinimumReplicasAvailable")
                              .withMessage("Deployment has minimum availability.")
                              .build())
                      .build());
              return d;
            });
  }
}
