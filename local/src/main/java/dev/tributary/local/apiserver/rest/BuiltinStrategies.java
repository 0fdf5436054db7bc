package dev.tributary.local.apiserver.rest;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.tributary.local.apiserver.registry.ResourceType;

/**
 * Per-kind defaults of Kubernetes' registry strategies that clients rely on: a new Pod is {@code
 * Pending} (what {@code kubectl get pod} shows until a kubelet reports). Stateless.
 */
public final class BuiltinStrategies implements KindHooks {

  @Override
  public void prepareForCreate(ResourceType type, ObjectNode object) {
    if (type.group().isEmpty() && type.plural().equals("pods")) {
      object.putObject("status").put("phase", "Pending");
    }
  }
}
