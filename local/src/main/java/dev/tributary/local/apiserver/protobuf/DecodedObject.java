package dev.tributary.local.apiserver.protobuf;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;
import java.util.Objects;

/**
 * What decoding a built-in object into its Go type kept of it.
 *
 * @param object the object as the Go type holds it: unknown fields dropped, numeric quantities
 *     turned into strings; the caller owns it (it is {@code object} itself only when the kind has
 *     no Go type here)
 * @param unknownFields the paths of the dropped fields in document order, as kube-apiserver's
 *     strict decoder names them ({@code spec.foo}, {@code spec.template.spec.containers[0].bar});
 *     empty when nothing was dropped
 */
public record DecodedObject(ObjectNode object, List<String> unknownFields) {

  public DecodedObject {
    Objects.requireNonNull(object, "object");
    unknownFields = List.copyOf(unknownFields);
  }
}
