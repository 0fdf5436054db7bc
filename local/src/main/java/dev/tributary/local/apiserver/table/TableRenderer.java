package dev.tributary.local.apiserver.table;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Clock;
import java.util.List;

/**
 * Renders objects as a {@code meta.k8s.io/v1} {@code Table}, the answer to a request with {@code
 * Accept: application/json;as=Table;v=v1;g=meta.k8s.io}.
 *
 * <ul>
 *   <li>LIST: all items, with the list's {@code resourceVersion} and {@code continue} token.
 *   <li>GET by name: a one-object list, with the object's {@code resourceVersion}.
 *   <li>WATCH: one Table per event object, with that object's {@code resourceVersion}; as
 *       kube-apiserver does, send {@code columnDefinitions} with the first event only ({@link
 *       TableOptions#withoutHeaders()} for the rest). {@code ERROR} events carry a {@code Status},
 *       which is not rendered.
 * </ul>
 *
 * <p>Ages are measured to the renderer's clock. Rendering never fails: a column that does not apply
 * to an object is a {@code null} cell. The result shares no nodes with the input objects. Pure and
 * thread-safe.
 */
public interface TableRenderer {

  /**
   * @param resource the resource the objects belong to
   * @param objects the objects, in row order
   * @param resourceVersion the Table's {@code metadata.resourceVersion}; omitted when null or empty
   * @param continueToken the Table's {@code metadata.continue}; omitted when null or empty
   * @param options what row objects carry, and whether to send column definitions
   */
  ObjectNode table(
      ResourceInfo resource,
      List<ObjectNode> objects,
      String resourceVersion,
      String continueToken,
      TableOptions options);

  /**
   * With headers, and with the whole object ({@code includeObject=Object}) or its metadata (the
   * default) in each row.
   */
  default ObjectNode table(
      ResourceInfo resource,
      List<ObjectNode> objects,
      String resourceVersion,
      String continueToken,
      boolean includeObjectFull) {
    return table(
        resource,
        objects,
        resourceVersion,
        continueToken,
        new TableOptions(includeObjectFull ? IncludeObject.OBJECT : IncludeObject.METADATA, false));
  }

  /** The renderer for the local API server, measuring ages to {@code clock}. */
  static TableRenderer create(Clock clock) {
    return new KubeTableRenderer(clock);
  }
}
