package dev.tributary.local.kubelet;

import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.Pod;
import java.util.List;

/**
 * Where a container stands in its pod, as the {@code involvedObject.fieldPath} of the kubelet's
 * container Events: {@code spec.containers{NAME}}, {@code spec.initContainers{NAME}} (by index,
 * {@code spec.containers[I]}, for a container without a name), looked up by name as Kubernetes'
 * {@code GenerateContainerRef} does. A container not in the pod's spec gets Kubernetes' fallback,
 * {@code implicitly required container NAME}. Pure.
 */
final class ContainerFieldPath {

  private ContainerFieldPath() {}

  static String of(Pod pod, Container container) {
    String name = container.getName() == null ? "" : container.getName();
    String found = find(pod.getSpec().getContainers(), name, "spec.containers");
    if (found == null) {
      found = find(pod.getSpec().getInitContainers(), name, "spec.initContainers");
    }
    return found != null ? found : "implicitly required container " + name;
  }

  private static String find(List<Container> containers, String name, String field) {
    if (containers == null) {
      return null;
    }
    for (int i = 0; i < containers.size(); i++) {
      String here = containers.get(i).getName() == null ? "" : containers.get(i).getName();
      if (here.equals(name)) {
        return name.isEmpty() ? field + "[" + i + "]" : field + "{" + name + "}";
      }
    }
    return null;
  }
}
