package dev.tributary.local.apiserver.protobuf;

import com.google.protobuf.Descriptors.Descriptor;
import com.google.protobuf.Descriptors.FieldDescriptor;
import com.google.protobuf.Descriptors.FileDescriptor;
import dev.tributary.local.apiserver.registry.ResourceType;
import io.kubernetes.client.proto.Runtime;
import io.kubernetes.client.proto.V1;
import io.kubernetes.client.proto.V1Admissionregistration;
import io.kubernetes.client.proto.V1Apps;
import io.kubernetes.client.proto.V1Authentication;
import io.kubernetes.client.proto.V1Authorization;
import io.kubernetes.client.proto.V1Autoscaling;
import io.kubernetes.client.proto.V1Batch;
import io.kubernetes.client.proto.V1Certificates;
import io.kubernetes.client.proto.V1Networking;
import io.kubernetes.client.proto.V1Policy;
import io.kubernetes.client.proto.V1Rbac;
import io.kubernetes.client.proto.V1Scheduling;
import io.kubernetes.client.proto.V1Storage;
import io.kubernetes.client.proto.V1beta1Batch;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Supplier;

/**
 * The protobuf message of each kind the server serves, from client-java-proto's compiled k8s.io/api
 * descriptors. client-java-proto names its files by version and package, not by API group, so the
 * group/version → file table is written out here. Kinds without a descriptor there
 * (coordination.k8s.io Lease, events.k8s.io Event, CRDs, custom resources) have none here either:
 * Kubernetes itself reads custom resources only as JSON or YAML. Only the descriptors are used,
 * never client-java-proto's generated message classes.
 */
final class ProtobufSchemas {

  /** Each group/version's compiled file; a supplier so only a lookup loads the classes. */
  private static final Map<String, Supplier<FileDescriptor>> FILES =
      Map.ofEntries(
          Map.entry("v1", V1::getDescriptor),
          Map.entry("apps/v1", V1Apps::getDescriptor),
          Map.entry("batch/v1", V1Batch::getDescriptor),
          Map.entry("batch/v1beta1", V1beta1Batch::getDescriptor),
          Map.entry("rbac.authorization.k8s.io/v1", V1Rbac::getDescriptor),
          Map.entry("authorization.k8s.io/v1", V1Authorization::getDescriptor),
          Map.entry("authentication.k8s.io/v1", V1Authentication::getDescriptor),
          Map.entry("admissionregistration.k8s.io/v1", V1Admissionregistration::getDescriptor),
          Map.entry("policy/v1", V1Policy::getDescriptor),
          Map.entry("scheduling.k8s.io/v1", V1Scheduling::getDescriptor),
          Map.entry("networking.k8s.io/v1", V1Networking::getDescriptor),
          Map.entry("storage.k8s.io/v1", V1Storage::getDescriptor),
          Map.entry("autoscaling/v1", V1Autoscaling::getDescriptor),
          Map.entry("certificates.k8s.io/v1", V1Certificates::getDescriptor));

  /** The list of scalar fields Go's JSON writes even when zero; see the script named in it. */
  private static final String ZERO_KEPT = "zero-kept-fields.txt";

  private final Map<String, Descriptor> messages;
  private final Set<String> zeroKept;
  private final Descriptor envelope;

  private ProtobufSchemas(Map<String, Descriptor> messages, Set<String> zeroKept) {
    this.messages = Map.copyOf(messages);
    this.zeroKept = Set.copyOf(zeroKept);
    this.envelope = Runtime.getDescriptor().findMessageTypeByName("Unknown");
  }

  /** runtime.Unknown, the envelope around every protobuf body. */
  Descriptor envelope() {
    return envelope;
  }

  /** The messages of {@code kinds} that have one; loads the descriptor classes they need. */
  static ProtobufSchemas of(List<ResourceType> kinds) {
    Map<String, Descriptor> messages = new HashMap<>();
    // The body of PUT .../scale, a subresource rather than a kind of its own.
    messages.put(
        key("autoscaling/v1", "Scale"),
        V1Autoscaling.getDescriptor().findMessageTypeByName("Scale"));
    for (ResourceType kind : kinds) {
      Supplier<FileDescriptor> file = FILES.get(kind.apiVersion());
      Descriptor message = file == null ? null : file.get().findMessageTypeByName(kind.kind());
      if (message != null) {
        messages.put(key(kind.apiVersion(), kind.kind()), message);
      }
    }
    return new ProtobufSchemas(messages, zeroKept());
  }

  /**
   * Whether Go's JSON writes {@code field} when it holds its zero value: a pointer (an explicit
   * {@code replicas: 0}) or a field without {@code omitempty}. Go's protobuf encoder sends every
   * non-pointer field, so without this a body would be full of zeros the Go types never show.
   */
  boolean keepsZero(FieldDescriptor field) {
    return zeroKept.contains(field.getContainingType().getFullName() + "." + field.getName());
  }

  /** The message of {@code kind} in {@code apiVersion}, or null if there is none. */
  Descriptor message(String apiVersion, String kind) {
    return messages.get(key(apiVersion, kind));
  }

  private static Set<String> zeroKept() {
    try (InputStream in = ProtobufSchemas.class.getResourceAsStream(ZERO_KEPT)) {
      if (in == null) {
        throw new IllegalStateException(ZERO_KEPT + " is missing from the class path");
      }
      Set<String> fields = new HashSet<>();
      for (String line : new String(in.readAllBytes(), StandardCharsets.UTF_8).split("\n")) {
        if (!line.isBlank() && !line.startsWith("#")) {
          fields.add(line.strip());
        }
      }
      return fields;
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read " + ZERO_KEPT, e);
    }
  }

  private static String key(String apiVersion, String kind) {
    return apiVersion + "/" + kind;
  }
}
