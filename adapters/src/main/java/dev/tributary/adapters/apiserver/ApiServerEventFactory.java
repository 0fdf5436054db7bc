package dev.tributary.adapters.apiserver;

import dev.tributary.api.gojson.GoJson;
import dev.tributary.api.sources.apiserver.ApiServerSourceEventTypes;
import dev.tributary.api.sources.apiserver.ApiServerSourceEventTypes.Operation;
import dev.tributary.api.sources.apiserver.ApiServerSourceSpec;
import dev.tributary.api.sources.apiserver.GroupVersionResource;
import io.cloudevents.CloudEvent;
import io.cloudevents.core.builder.CloudEventBuilder;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;

/**
 * Builds the CloudEvent for one change of a watched object, as upstream's {@code
 * pkg/adapter/apiserver/events}:
 *
 * <ul>
 *   <li>type {@code dev.knative.apiserver.{ref|resource}.{add|update|delete}}: Reference mode when
 *       the configured mode is exactly {@code Reference}, Resource mode otherwise (as upstream);
 *   <li>source: the API server URL the adapter talks to;
 *   <li>subject: {@code /apis/<apiVersion>/namespaces/<ns>/<guessed plural>/<name>}, with {@code
 *       /versionUnknown} appended to an apiVersion that has a {@code .} and no {@code /};
 *   <li>extensions {@code kind}, {@code apiversion}, {@code name}, {@code namespace} ({@code ""}
 *       for cluster-scoped objects);
 *   <li>{@code datacontenttype: application/json}; data: in Reference mode the ObjectReference
 *       {@code {"kind","namespace","name","apiVersion"}} with empty fields left out, in Resource
 *       mode the whole object but its {@code metadata.managedFields}; both written as Go's {@code
 *       encoding/json} writes them (keys of objects sorted, Go's escapes);
 *   <li>id: a random UUID; no {@code time} (stamped when sent).
 * </ul>
 *
 * <p>Departure from upstream, which sends the object exactly as watched: {@code managedFields} is
 * the API server's bookkeeping for server-side apply, of no use to an event's consumer, and on an
 * Event object it is longer than the rest of it (on Kubernetes before 1.18, which had none, the
 * walkthrough's {@code kubectl logs --tail=100 | grep message} shows both "Created container" and
 * "Started container"; with it, only the last). The object's own fields are all kept.
 *
 * <p>Immutable and thread-safe.
 */
public final class ApiServerEventFactory {

  private final URI source;
  private final boolean reference;

  /**
   * @param source the API server URL, the events' {@code source}
   * @param mode the configured event mode
   */
  public ApiServerEventFactory(URI source, String mode) {
    this.source = source;
    this.reference = ApiServerSourceSpec.MODE_REFERENCE.equals(mode);
  }

  /** The Reference or Resource mode this factory builds events for. */
  public String mode() {
    return reference ? ApiServerSourceSpec.MODE_REFERENCE : ApiServerSourceSpec.MODE_RESOURCE;
  }

  /**
   * The event for {@code operation} on {@code object}.
   *
   * @param object the object as decoded from the API server's JSON (maps, lists, strings, numbers,
   *     booleans); for a delete, its last known state
   */
  public CloudEvent event(Operation operation, Map<String, Object> object) {
    String apiVersion = string(object.get("apiVersion"));
    String kind = string(object.get("kind"));
    Map<?, ?> metadata = object.get("metadata") instanceof Map<?, ?> m ? m : Map.of();
    String name = string(metadata.get("name"));
    String namespace = string(metadata.get("namespace"));
    String data =
        reference
            ? reference(kind, namespace, name, apiVersion)
            : GoJson.write(withoutManagedFields(object, metadata));
    return CloudEventBuilder.v1()
        .withId(UUID.randomUUID().toString())
        .withType(ApiServerSourceEventTypes.type(mode(), operation))
        .withSource(source)
        .withSubject(subject(apiVersion, kind, namespace, name))
        .withExtension("kind", kind)
        .withExtension("apiversion", apiVersion)
        .withExtension("name", name)
        .withExtension("namespace", namespace)
        .withDataContentType("application/json")
        .withData(data.getBytes(StandardCharsets.UTF_8))
        .build();
  }

  /** {@code object} with its metadata minus {@code managedFields}; the object itself untouched. */
  private static Map<String, Object> withoutManagedFields(
      Map<String, Object> object, Map<?, ?> metadata) {
    if (!metadata.containsKey("managedFields")) {
      return object;
    }
    Map<Object, Object> trimmed = new LinkedHashMap<>(metadata);
    trimmed.remove("managedFields");
    Map<String, Object> copy = new LinkedHashMap<>(object);
    copy.put("metadata", trimmed);
    return copy;
  }

  /**
   * Upstream's self link: the plural guessed from the kind, the apiVersion as is (upstream's
   * "hack": a group without a version gets {@code /versionUnknown}).
   */
  static String subject(String apiVersion, String kind, String namespace, String name) {
    String version = apiVersion;
    if (version.contains(".") && !version.contains("/")) {
      version = version + "/versionUnknown";
    }
    String plural = GroupVersionResource.guessPlural(kind);
    return "/apis/" + version + "/namespaces/" + namespace + "/" + plural + "/" + name;
  }

  /** A corev1.ObjectReference as Go writes it: fields in struct order, empty ones omitted. */
  private static String reference(String kind, String namespace, String name, String apiVersion) {
    StringBuilder json = new StringBuilder("{");
    field(json, "kind", kind);
    field(json, "namespace", namespace);
    field(json, "name", name);
    field(json, "apiVersion", apiVersion);
    return json.append('}').toString();
  }

  private static void field(StringBuilder json, String key, String value) {
    if (value.isEmpty()) {
      return;
    }
    if (json.length() > 1) {
      json.append(',');
    }
    json.append(GoJson.quote(key)).append(':').append(GoJson.quote(value));
  }

  private static String string(Object value) {
    return value instanceof String s ? s : "";
  }
}
