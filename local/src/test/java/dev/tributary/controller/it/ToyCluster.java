package dev.tributary.controller.it;

import dev.tributary.controller.ExecutorDelayScheduler;
import dev.tributary.controller.ExponentialBackoff;
import dev.tributary.controller.ObjectKey;
import dev.tributary.controller.WorkQueue;
import dev.tributary.local.apiserver.TestCluster;
import dev.tributary.testing.ClusterObjects;
import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.api.model.GenericKubernetesResourceList;
import io.fabric8.kubernetes.api.model.NamespaceBuilder;
import io.fabric8.kubernetes.api.model.apiextensions.v1.CustomResourceDefinition;
import io.fabric8.kubernetes.client.Config;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientBuilder;
import io.fabric8.kubernetes.client.dsl.MixedOperation;
import io.fabric8.kubernetes.client.dsl.Resource;
import io.fabric8.kubernetes.client.informers.SharedIndexInformer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.Deque;

/**
 * A real API server with two CRDs whose status is a subresource: {@code Toy} (what the test
 * controllers reconcile) and {@code Addressable} (a duck-typed sink), plus a namespace for tests
 * and fabric8 clients that are closed with it. Everything it makes is closed by {@link #close()}.
 */
final class ToyCluster implements AutoCloseable {

  static final String GROUP = "example.dev";
  static final String API_VERSION = GROUP + "/v1";
  static final String NAMESPACE = "toys";

  private final TestCluster cluster;
  private final Deque<AutoCloseable> owned = new ArrayDeque<>();
  final KubernetesClient admin;

  private ToyCluster(TestCluster cluster) throws Exception {
    this.cluster = cluster;
    this.admin = newClient();
  }

  static ToyCluster start(Path dir) throws Exception {
    TestCluster cluster = TestCluster.start(dir);
    ToyCluster toys;
    try {
      toys = new ToyCluster(cluster);
    } catch (Exception e) {
      cluster.close();
      throw e;
    }
    toys.createCrd("Toy", "toys");
    toys.createCrd("Addressable", "addressables");
    toys.admin
        .namespaces()
        .resource(
            new NamespaceBuilder().withNewMetadata().withName(NAMESPACE).endMetadata().build())
        .create();
    return toys;
  }

  /** A new client from the admin kubeconfig, closed with the cluster. */
  KubernetesClient newClient() throws Exception {
    Config config = Config.fromKubeconfig(Files.readString(cluster.kubeconfig));
    return own(new KubernetesClientBuilder().withConfig(config).build());
  }

  /** Registers {@code closeable} to be closed (last registered first) with the cluster. */
  <C extends AutoCloseable> C own(C closeable) {
    synchronized (owned) {
      owned.push(closeable);
    }
    return closeable;
  }

  MixedOperation<
          GenericKubernetesResource,
          GenericKubernetesResourceList,
          Resource<GenericKubernetesResource>>
      toys(KubernetesClient client) {
    return client.genericKubernetesResources(API_VERSION, "Toy");
  }

  /** A not-yet-started informer over the test namespace's Toys. */
  SharedIndexInformer<GenericKubernetesResource> toyInformer(KubernetesClient client) {
    return toys(client).inNamespace(NAMESPACE).runnableInformer(0);
  }

  /** A work queue with the default backoff on a scheduler closed with the cluster. */
  WorkQueue<ObjectKey> newQueue() {
    ExecutorDelayScheduler scheduler = own(new ExecutorDelayScheduler("toy-queue-delays"));
    return new WorkQueue<>(ExponentialBackoff.controllerDefault(), scheduler);
  }

  GenericKubernetesResource toy(String name) {
    return toys(admin).inNamespace(NAMESPACE).withName(name).get();
  }

  GenericKubernetesResource createToy(String name, java.util.Map<String, Object> spec) {
    GenericKubernetesResource toy = new GenericKubernetesResource();
    toy.setApiVersion(API_VERSION);
    toy.setKind("Toy");
    toy.setMetadata(
        new io.fabric8.kubernetes.api.model.ObjectMetaBuilder()
            .withNamespace(NAMESPACE)
            .withName(name)
            .build());
    toy.setAdditionalProperty("spec", spec);
    return toys(admin).inNamespace(NAMESPACE).resource(toy).create();
  }

  private void createCrd(String kind, String plural) {
    String json =
        """
        {"apiVersion":"apiextensions.k8s.io/v1","kind":"CustomResourceDefinition",
         "metadata":{"name":"%s.%s"},
         "spec":{"group":"%s","scope":"Namespaced",
          "names":{"kind":"%s","plural":"%s","singular":"%s"},
          "versions":[{"name":"v1","served":true,"storage":true,
           "subresources":{"status":{}},
           "schema":{"openAPIV3Schema":{"type":"object","properties":{
            "spec":{"type":"object","x-kubernetes-preserve-unknown-fields":true},
            "status":{"type":"object","x-kubernetes-preserve-unknown-fields":true}}}}}]}}
        """
            .formatted(plural, GROUP, GROUP, kind, plural, kind.toLowerCase());
    CustomResourceDefinition crd =
        admin.getKubernetesSerialization().unmarshal(json, CustomResourceDefinition.class);
    ClusterObjects.createCrd(admin, crd);
  }

  @Override
  public void close() throws Exception {
    Exception failure = null;
    while (true) {
      AutoCloseable next;
      synchronized (owned) {
        next = owned.poll();
      }
      if (next == null) {
        break;
      }
      try {
        next.close();
      } catch (Exception e) {
        if (failure == null) {
          failure = e;
        } else {
          failure.addSuppressed(e);
        }
      }
    }
    cluster.close();
    if (failure != null) {
      throw failure;
    }
  }
}
