package dev.tributary.local.apiserver.protobuf;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.tributary.local.apiserver.registry.ResourceType;
import java.util.List;
import java.util.function.Supplier;

/**
 * kube-apiserver's decode step for built-in kinds, on JSON: reads an object as its Go type (from
 * client-java-proto's k8s.io/api message descriptors) would, so that a value of the wrong JSON type
 * is refused with Go's error and a field the type does not have is dropped and named. Kinds without
 * a descriptor (Lease, events.k8s.io Event, CRDs, custom resources) pass unchanged.
 *
 * <p>The descriptors load on the first call, not when the server starts: that first call costs the
 * loading of client-java-proto's descriptor classes. Thread-safe.
 */
public final class BuiltinDecoder {

  private final Supplier<List<ResourceType>> kinds;
  private volatile GoTypeChecker checker;

  /**
   * @param kinds the built-in kinds; asked once, on the first call
   */
  public BuiltinDecoder(Supplier<List<ResourceType>> kinds) {
    this.kinds = kinds;
  }

  /**
   * {@code object} (in {@code type}'s version) as {@code type}'s Go type reads it. {@code object}
   * is not changed. Blocking: the first call loads the descriptors.
   *
   * @throws GoTypeError if a value does not fit its field's Go type
   */
  public DecodedObject decode(ResourceType type, ObjectNode object) {
    return checker().decode(type.apiVersion(), type.kind(), object);
  }

  private GoTypeChecker checker() {
    GoTypeChecker loaded = checker;
    if (loaded == null) {
      // Two first calls at once may both build one; they are equal.
      loaded = new GoTypeChecker(ProtobufSchemas.of(kinds.get()));
      checker = loaded;
    }
    return loaded;
  }
}
