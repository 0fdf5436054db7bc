package dev.tributary.local.apiserver.rest;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.tributary.local.apiserver.registry.ResourceType;
import java.time.Instant;
import java.util.List;

/**
 * Renders objects as a server-side {@code meta.k8s.io/v1} Table, what {@code kubectl get} prints.
 * Thread-safe and stateless.
 */
public interface TableConverter {

  /**
   * A Table of {@code objects} (already in {@code type}'s version), one row each, in order. Rows
   * carry a {@code PartialObjectMetadata} object (with kind and apiVersion), the Name column has
   * {@code format: name}.
   *
   * @param resourceVersion the Table's {@code metadata.resourceVersion}
   * @param continueToken the Table's {@code metadata.continue}, or null
   * @param now what AGE columns are measured from
   */
  ObjectNode table(
      ResourceType type,
      List<ObjectNode> objects,
      String resourceVersion,
      String continueToken,
      Instant now);
}
