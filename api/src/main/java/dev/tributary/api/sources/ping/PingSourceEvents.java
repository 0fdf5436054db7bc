package dev.tributary.api.sources.ping;

import dev.tributary.api.duck.CloudEventAttributes;
import java.util.List;

/**
 * What a PingSource's events look like, in one place: the CloudEvent {@code type} and {@code
 * source} the adapter stamps on every tick and the controller publishes in {@code
 * status.ceAttributes}.
 */
public final class PingSourceEvents {

  /** The CloudEvent type of every PingSource event. */
  public static final String TYPE = "dev.knative.sources.ping";

  /** How upstream's CRD describes {@link #TYPE} in its {@code registry.knative.dev/eventTypes}. */
  public static final String TYPE_DESCRIPTION =
      "CloudEvent type for fixed payloads on a specified cron schedule";

  /**
   * The value of the CRD annotation {@code registry.knative.dev/eventTypes}, byte for byte as
   * upstream's pingsource.yaml has it (a YAML block scalar, so it ends with a newline).
   */
  public static final String EVENT_TYPES_JSON =
      "[\n"
          + "  {\n"
          + "    \"type\": \""
          + TYPE
          + "\",\n"
          + "    \"description\": \""
          + TYPE_DESCRIPTION
          + "\"\n"
          + "  }\n"
          + "]\n";

  /**
   * The {@code source} format: namespace then name. The literal {@code v1} is used whatever API
   * version the PingSource was written in, as upstream.
   */
  public static final String SOURCE_FORMAT = "/apis/v1/namespaces/%s/pingsources/%s";

  private PingSourceEvents() {}

  /** The CloudEvent {@code source} of the PingSource {@code namespace/name}. */
  public static String source(String namespace, String name) {
    return String.format(SOURCE_FORMAT, namespace, name);
  }

  /** The {@code status.ceAttributes} of the PingSource {@code namespace/name}. */
  public static List<CloudEventAttributes> ceAttributes(String namespace, String name) {
    return List.of(new CloudEventAttributes(TYPE, source(namespace, name)));
  }
}
