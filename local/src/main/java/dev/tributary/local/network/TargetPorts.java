package dev.tributary.local.network;

import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.ContainerPort;
import io.fabric8.kubernetes.api.model.IntOrString;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.ServicePort;
import java.util.OptionalInt;

/**
 * The pod port a Service port forwards to, as Kubernetes' {@code podutil.FindPort}: a number is
 * taken as is, a name is looked up among the pod's container ports with the same protocol, and no
 * {@code targetPort} means the Service's own port.
 */
final class TargetPorts {

  private TargetPorts() {}

  /** Empty when the pod declares no container port of that name (it is then not an endpoint). */
  static OptionalInt resolve(ServicePort port, Pod pod) {
    IntOrString target = port.getTargetPort();
    if (target == null || (target.getIntVal() == null && target.getStrVal() == null)) {
      return OptionalInt.of(port.getPort());
    }
    if (target.getIntVal() != null) {
      return OptionalInt.of(target.getIntVal());
    }
    String name = target.getStrVal();
    try {
      return OptionalInt.of(Integer.parseInt(name));
    } catch (NumberFormatException notANumber) {
      // a port name, looked up below
    }
    String protocol = protocol(port.getProtocol());
    if (pod.getSpec() == null || pod.getSpec().getContainers() == null) {
      return OptionalInt.empty();
    }
    for (Container container : pod.getSpec().getContainers()) {
      if (container.getPorts() == null) {
        continue;
      }
      for (ContainerPort declared : container.getPorts()) {
        if (name.equals(declared.getName())
            && protocol.equals(protocol(declared.getProtocol()))
            && declared.getContainerPort() != null) {
          return OptionalInt.of(declared.getContainerPort());
        }
      }
    }
    return OptionalInt.empty();
  }

  static String protocol(String declared) {
    return declared == null || declared.isEmpty() ? "TCP" : declared;
  }
}
