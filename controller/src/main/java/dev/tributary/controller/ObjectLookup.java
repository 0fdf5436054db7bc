package dev.tributary.controller;

import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import java.util.Optional;

/** Reads an object of any kind by apiVersion, kind, namespace and name. */
@FunctionalInterface
public interface ObjectLookup {

  /**
   * The object, or empty when it does not exist. Blocks while the kind's cache first fills.
   *
   * @throws io.fabric8.kubernetes.client.KubernetesClientException when the kind cannot be read
   *     (unknown to the server, forbidden, ...)
   */
  Optional<GenericKubernetesResource> get(
      String apiVersion, String kind, String namespace, String name);
}
