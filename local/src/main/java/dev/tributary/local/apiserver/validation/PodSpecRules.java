package dev.tributary.local.apiserver.validation;

import com.fasterxml.jackson.databind.JsonNode;
import dev.tributary.api.k8s.ContentValidation;
import dev.tributary.local.apiserver.errors.FieldCause;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * A pod's spec and a pod template as kube-apiserver checks them ({@code ValidatePodSpec}, {@code
 * ValidatePodTemplateSpec}): containers and init containers (name, image, ports, env, volume
 * mounts, pull and termination-message policies), volumes, restart and DNS policies, node selector
 * and service account name. Absent fields count as the values Kubernetes defaults them to (e.g.
 * {@code restartPolicy: Always}, port protocol {@code TCP}), since objects here are validated as
 * sent. Stateless.
 */
final class PodSpecRules {

  static final List<String> PROTOCOLS = List.of("SCTP", "TCP", "UDP");
  private static final List<String> RESTART_POLICIES = List.of("Always", "OnFailure", "Never");
  private static final List<String> DNS_POLICIES =
      List.of("ClusterFirstWithHostNet", "ClusterFirst", "Default", "None");
  private static final List<String> PULL_POLICIES = List.of("Always", "IfNotPresent", "Never");
  private static final List<String> MESSAGE_POLICIES = List.of("File", "FallbackToLogsOnError");
  private static final Pattern PORT_NAME_CHARSET = Pattern.compile("[-a-z0-9]+");
  private static final Pattern HAS_LETTER = Pattern.compile(".*[a-z].*");
  private static final String ENV_NAME_ERR =
      "a valid environment variable name must consist only of printable ASCII characters other"
          + " than '='";

  private PodSpecRules() {}

  /** The restart policy in effect: the field, or {@code Always} when absent or empty. */
  static String restartPolicy(JsonNode podSpec) {
    String policy = Json.text(podSpec, "restartPolicy");
    return policy.isEmpty() ? "Always" : policy;
  }

  /**
   * {@code ValidatePodTemplateSpec} of {@code template} at {@code path} (e.g. {@code
   * spec.template}). Note upstream's paths: labels at {@code path.labels}, not {@code
   * path.metadata.labels}.
   */
  static void template(JsonNode template, String path, List<FieldCause> out) {
    JsonNode metadata = Json.child(template, "metadata");
    MetadataRules.labels(Json.stringMap(metadata, "labels"), path + ".labels", out);
    MetadataRules.annotations(Json.stringMap(metadata, "annotations"), path + ".annotations", out);
    spec(Json.child(template, "spec"), path + ".spec", out);
  }

  /** {@code ValidatePodSpec} of {@code spec} at {@code path} (e.g. {@code spec}). */
  static void spec(JsonNode spec, String path, List<FieldCause> out) {
    Set<String> volumes = volumes(Json.items(spec, "volumes"), path + ".volumes", out);
    List<JsonNode> containers = Json.items(spec, "containers");
    if (containers.isEmpty()) {
      out.add(FieldCause.required(path + ".containers", ""));
    }
    Set<String> names = new HashSet<>();
    for (int i = 0; i < containers.size(); i++) {
      String at = path + ".containers[" + i + "]";
      JsonNode container = containers.get(i);
      container(container, volumes, at, out);
      String name = Json.text(container, "name");
      if (!names.add(name)) {
        out.add(FieldCause.duplicate(at + ".name", name));
      }
    }
    List<JsonNode> inits = Json.items(spec, "initContainers");
    for (int i = 0; i < inits.size(); i++) {
      String at = path + ".initContainers[" + i + "]";
      JsonNode container = inits.get(i);
      container(container, volumes, at, out);
      String name = Json.text(container, "name");
      if (names.contains(name)) {
        out.add(FieldCause.duplicate(at + ".name", name));
      } else if (!name.isEmpty()) {
        names.add(name);
      }
    }
    enumField(spec, "restartPolicy", path, RESTART_POLICIES, out);
    enumField(spec, "dnsPolicy", path, DNS_POLICIES, out);
    MetadataRules.labels(Json.stringMap(spec, "nodeSelector"), path + ".nodeSelector", out);
    String account = Json.text(spec, "serviceAccountName");
    if (!account.isEmpty()) {
      ContentValidation.isDns1123Subdomain(account)
          .forEach(m -> out.add(FieldCause.invalid(path + ".serviceAccountName", account, m)));
    }
  }

  /** {@code validateContainersOnlyForPod}: what a Pod checks beyond its spec. */
  static void podOnly(JsonNode spec, String path, List<FieldCause> out) {
    for (String list : List.of("containers", "initContainers")) {
      List<JsonNode> containers = Json.items(spec, list);
      for (int i = 0; i < containers.size(); i++) {
        String image = Json.text(containers.get(i), "image");
        if (!image.equals(image.strip())) {
          out.add(
              FieldCause.invalid(
                  path + "." + list + "[" + i + "].image",
                  image,
                  "must not have leading or trailing whitespace"));
        }
      }
    }
  }

  /** {@code ValidateVolumes}; returns the names of the valid volumes. */
  private static Set<String> volumes(List<JsonNode> volumes, String path, List<FieldCause> out) {
    Set<String> valid = new HashSet<>();
    for (int i = 0; i < volumes.size(); i++) {
      String at = path + "[" + i + "].name";
      String name = Json.text(volumes.get(i), "name");
      List<FieldCause> errors = new ArrayList<>();
      if (name.isEmpty()) {
        errors.add(FieldCause.required(at, ""));
      } else {
        Causes.dns1123Label(name, at, errors);
      }
      if (valid.contains(name)) {
        errors.add(FieldCause.duplicate(at, name));
      }
      if (errors.isEmpty()) {
        valid.add(name);
      }
      out.addAll(errors);
    }
    return valid;
  }

  /** {@code validateContainerCommon}. */
  private static void container(
      JsonNode container, Set<String> volumes, String path, List<FieldCause> out) {
    String name = Json.text(container, "name");
    if (name.isEmpty()) {
      out.add(FieldCause.required(path + ".name", ""));
    } else {
      Causes.dns1123Label(name, path + ".name", out);
    }
    if (Json.text(container, "image").isEmpty()) {
      out.add(FieldCause.required(path + ".image", ""));
    }
    enumField(container, "terminationMessagePolicy", path, MESSAGE_POLICIES, out);
    ports(Json.items(container, "ports"), path + ".ports", out);
    env(Json.items(container, "env"), path + ".env", out);
    mounts(Json.items(container, "volumeMounts"), volumes, path + ".volumeMounts", out);
    enumField(container, "imagePullPolicy", path, PULL_POLICIES, out);
  }

  /** {@code validateContainerPorts}. */
  private static void ports(List<JsonNode> ports, String path, List<FieldCause> out) {
    Set<String> names = new HashSet<>();
    for (int i = 0; i < ports.size(); i++) {
      JsonNode port = ports.get(i);
      String at = path + "[" + i + "]";
      String name = Json.text(port, "name");
      if (!name.isEmpty()) {
        List<String> problems = portNameErrors(name);
        if (!problems.isEmpty()) {
          problems.forEach(m -> out.add(FieldCause.invalid(at + ".name", name, m)));
        } else if (!names.add(name)) {
          out.add(FieldCause.duplicate(at + ".name", name));
        }
      }
      long containerPort = Json.child(port, "containerPort").asLong(0);
      if (containerPort == 0) {
        out.add(FieldCause.required(at + ".containerPort", ""));
      } else {
        portNumber(containerPort, at + ".containerPort", out);
      }
      long hostPort = Json.child(port, "hostPort").asLong(0);
      if (hostPort != 0) {
        portNumber(hostPort, at + ".hostPort", out);
      }
      protocol(port, at, out);
    }
  }

  /** A port's protocol: {@code TCP} when absent or empty (defaulted), else a known one. */
  static void protocol(JsonNode port, String path, List<FieldCause> out) {
    String protocol = Json.text(port, "protocol");
    if (!protocol.isEmpty() && !PROTOCOLS.contains(protocol)) {
      out.add(FieldCause.notSupported(path + ".protocol", protocol, PROTOCOLS));
    }
  }

  /** {@code IsValidPortNum} as causes at {@code field}. */
  static void portNumber(long port, String field, List<FieldCause> out) {
    if (port < 1 || port > 65535) {
      out.add(FieldCause.invalid(field, port, "must be between 1 and 65535, inclusive"));
    }
  }

  /** {@code IsValidPortName}: an IANA_SVC_NAME. */
  static List<String> portNameErrors(String name) {
    List<String> errs = new ArrayList<>();
    if (name.length() > 15) {
      errs.add("must be no more than 15 bytes");
    }
    if (!PORT_NAME_CHARSET.matcher(name).matches()) {
      errs.add("must contain only alpha-numeric characters (a-z, 0-9), and hyphens (-)");
    } else if (!HAS_LETTER.matcher(name).matches()) {
      errs.add("must contain at least one letter (a-z)");
    }
    if (name.contains("--")) {
      errs.add("must not contain consecutive hyphens");
    }
    if (!name.isEmpty() && (name.startsWith("-") || name.endsWith("-"))) {
      errs.add("must not begin or end with a hyphen");
    }
    return errs;
  }

  /** {@code ValidateEnv} with the relaxed name rule (Kubernetes 1.32's default). */
  private static void env(List<JsonNode> vars, String path, List<FieldCause> out) {
    for (int i = 0; i < vars.size(); i++) {
      String at = path + "[" + i + "].name";
      String name = Json.text(vars.get(i), "name");
      if (name.isEmpty()) {
        out.add(FieldCause.required(at, ""));
        out.add(FieldCause.invalid(at, name, "environment variable name must be non-empty"));
      }
      for (int c = 0; c < name.length(); c++) {
        char ch = name.charAt(c);
        if (ch > 0x7e || ch < 0x20 || ch == '=') {
          out.add(FieldCause.invalid(at, name, ENV_NAME_ERR));
          break;
        }
      }
    }
  }

  /** The name and path checks of {@code ValidateVolumeMounts}. */
  private static void mounts(
      List<JsonNode> mounts, Set<String> volumes, String path, List<FieldCause> out) {
    Set<String> paths = new HashSet<>();
    for (int i = 0; i < mounts.size(); i++) {
      JsonNode mount = mounts.get(i);
      String at = path + "[" + i + "]";
      String name = Json.text(mount, "name");
      if (name.isEmpty()) {
        out.add(FieldCause.required(at + ".name", ""));
      }
      if (!volumes.contains(name)) {
        out.add(Causes.notFound(at + ".name", name));
      }
      String mountPath = Json.text(mount, "mountPath");
      if (mountPath.isEmpty()) {
        out.add(FieldCause.required(at + ".mountPath", ""));
      }
      if (!paths.add(mountPath)) {
        out.add(FieldCause.invalid(at + ".mountPath", mountPath, "must be unique"));
      }
    }
  }

  /** An enum field Kubernetes defaults when absent or empty: unknown values are NotSupported. */
  private static void enumField(
      JsonNode node, String field, String path, List<String> valid, List<FieldCause> out) {
    String value = Json.text(node, field);
    if (!value.isEmpty() && !valid.contains(value)) {
      out.add(FieldCause.notSupported(path + "." + field, value, valid));
    }
  }
}
