package dev.tributary.api.sources.apiserver;

import dev.tributary.api.duck.CloudEventAttributes;
import java.util.List;

/**
 * The CloudEvent types an ApiServerSource emits (Knative's {@code pkg/apis/sources/constants.go}),
 * in one place for the controller ({@code status.ceAttributes}), the CRD's {@code
 * registry.knative.dev/eventTypes} annotation and the receive adapter.
 */
public final class ApiServerSourceEventTypes {
  /** Resource mode, object added. */
  public static final String RESOURCE_ADD = "dev.knative.apiserver.resource.add";

  /** Resource mode, object updated. */
  public static final String RESOURCE_UPDATE = "dev.knative.apiserver.resource.update";

  /** Resource mode, object deleted. */
  public static final String RESOURCE_DELETE = "dev.knative.apiserver.resource.delete";

  /** Reference mode, object added. */
  public static final String REF_ADD = "dev.knative.apiserver.ref.add";

  /** Reference mode, object updated. */
  public static final String REF_UPDATE = "dev.knative.apiserver.ref.update";

  /** Reference mode, object deleted. */
  public static final String REF_DELETE = "dev.knative.apiserver.ref.delete";

  /** The types of Reference mode, in upstream's order (add, delete, update). */
  public static final List<String> REFERENCE_MODE_TYPES = List.of(REF_ADD, REF_DELETE, REF_UPDATE);

  /** The types of Resource mode, in upstream's order (add, delete, update). */
  public static final List<String> RESOURCE_MODE_TYPES =
      List.of(RESOURCE_ADD, RESOURCE_DELETE, RESOURCE_UPDATE);

  /**
   * The value of the CRD annotation {@code registry.knative.dev/eventTypes}: the six types with
   * upstream's descriptions, in upstream's order and layout (upstream's YAML block scalar, so it
   * ends with a newline).
   */
  public static final String REGISTRY_ANNOTATION =
      """
  [
    {
      "type": "dev.knative.apiserver.resource.add",
      "description": "CloudEvent type used for add operations when in Resource mode"
    },
    {
      "type": "dev.knative.apiserver.resource.delete",
      "description": "CloudEvent type used for delete operations when in Resource mode"
    },
    {
      "type": "dev.knative.apiserver.resource.update",
      "description": "CloudEvent type used for update operations when in Resource mode"
    },
    {
      "type": "dev.knative.apiserver.ref.add",
      "description": "CloudEvent type used for add operations when in Reference mode"
    },
    {
      "type": "dev.knative.apiserver.ref.delete",
      "description": "CloudEvent type used for delete operations when in Reference mode"
    },
    {
      "type": "dev.knative.apiserver.ref.update",
      "description": "CloudEvent type used for update operations when in Reference mode"
    }
  ]
      """;

  /** What happened to a watched object. */
  public enum Operation {
    ADD,
    UPDATE,
    DELETE
  }

  private ApiServerSourceEventTypes() {}

  /**
   * The three types a source in {@code mode} emits.
   *
   * @throws IllegalArgumentException {@code no EventType available for EventMode: <mode>} (the
   *     controller's error upstream) for a mode other than Reference or Resource
   */
  public static List<String> forMode(String mode) {
    if (ApiServerSourceSpec.MODE_REFERENCE.equals(mode)) {
      return REFERENCE_MODE_TYPES;
    }
    if (ApiServerSourceSpec.MODE_RESOURCE.equals(mode)) {
      return RESOURCE_MODE_TYPES;
    }
    throw new IllegalArgumentException("no EventType available for EventMode: " + mode);
  }

  /**
   * The type of the event for {@code operation} in {@code mode}.
   *
   * @throws IllegalArgumentException for a mode other than Reference or Resource
   */
  public static String type(String mode, Operation operation) {
    List<String> types = forMode(mode);
    return switch (operation) {
      case ADD -> types.get(0);
      case DELETE -> types.get(1);
      case UPDATE -> types.get(2);
    };
  }

  /**
   * The {@code status.ceAttributes} of a source in {@code mode}: its three types, each with {@code
   * source} (the API server URL the adapter reports as the events' source).
   *
   * @throws IllegalArgumentException for a mode other than Reference or Resource
   */
  public static List<CloudEventAttributes> ceAttributes(String mode, String source) {
    return forMode(mode).stream().map(type -> new CloudEventAttributes(type, source)).toList();
  }
}
