package dev.tributary.local.kubelet.env;

import io.fabric8.kubernetes.api.model.Pod;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** The pod fields {@code valueFrom.fieldRef} may select, as the kubelet resolves them. Pure. */
final class PodFields {
  private PodFields() {}

  private static final Pattern MAP_KEY =
      Pattern.compile("metadata\\.(labels|annotations)\\['([^']*)'\\]");

  /**
   * The field's value ({@code ""} for an unset one).
   *
   * @throws ContainerConfigException for a path Kubernetes does not support
   */
  static String value(Pod pod, String fieldPath, String podIp, String hostIp)
      throws ContainerConfigException {
    var meta = pod.getMetadata();
    switch (fieldPath) {
      case "metadata.name":
        return nullToEmpty(meta.getName());
      case "metadata.namespace":
        return nullToEmpty(meta.getNamespace());
      case "metadata.uid":
        return nullToEmpty(meta.getUid());
      case "spec.nodeName":
        return nullToEmpty(pod.getSpec().getNodeName());
      case "spec.serviceAccountName":
        return nullToEmpty(pod.getSpec().getServiceAccountName());
      case "status.podIP":
      case "status.podIPs":
        return nullToEmpty(podIp);
      case "status.hostIP":
      case "status.hostIPs":
        return nullToEmpty(hostIp);
      default:
        break;
    }
    Matcher m = MAP_KEY.matcher(fieldPath);
    if (m.matches()) {
      Map<String, String> map =
          m.group(1).equals("labels") ? meta.getLabels() : meta.getAnnotations();
      return map == null ? "" : nullToEmpty(map.get(m.group(2)));
    }
    throw new ContainerConfigException("unsupported fieldPath: " + fieldPath);
  }

  private static String nullToEmpty(String s) {
    return s == null ? "" : s;
  }
}
