package dev.tributary.api.sources.ping.v1beta1;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.tributary.api.gojson.GoJson;
import dev.tributary.api.sources.ping.PingSourceCopies;
import dev.tributary.api.sources.ping.PingSourceValidation;
import io.fabric8.kubernetes.api.model.ObjectMeta;
import java.io.UncheckedIOException;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

/**
 * Converts PingSources between v1beta1 and v1, as upstream's v0.20–v0.22 conversion did between
 * v1beta1 and v1beta2 (whose schema v1 keeps).
 *
 * <p>The spec mapping:
 *
 * <ul>
 *   <li>Up: a non-empty {@code jsonData} becomes {@code contentType: application/json} and {@code
 *       data}: the JSON object re-marshalled as Go does (keys sorted, compacted), or {@code
 *       {"body":"<jsonData>"}} when it is not an object; an empty one gives no data.
 *   <li>Down: {@code jsonData = data} when contentType is {@code application/json}, else empty;
 *       {@code dataBase64} and other content types cannot be expressed.
 * </ul>
 *
 * <p>Like upstream, each direction also records the spec it converted from in an annotation
 * ({@value #V1BETA1_SPEC_ANNOTATION} on the v1 object, {@value #V1_SPEC_ANNOTATION} on the v1beta1
 * one) and uses it on the way back when it is still consistent, so round trips are lossless: a
 * v1beta1 {@code jsonData} that is not an object comes back as written, and a v1 {@code dataBase64}
 * survives an update through v1beta1 that leaves the spec alone. One deliberate difference: without
 * a consistent annotation upstream gave an empty v1beta1 spec, while this gives the down mapping
 * above.
 *
 * <p>Stateless and thread-safe; never mutates its input.
 */
public final class PingSourceConversion {

  /** On a v1 object converted from v1beta1: the v1beta1 spec, as JSON. Upstream's key. */
  public static final String V1BETA1_SPEC_ANNOTATION =
      "pingsources.sources.knative.dev/v1beta1-spec";

  /**
   * On a v1beta1 object converted from v1: the v1 spec, as JSON. Upstream's key, named after
   * v1beta2, whose schema is v1's.
   */
  public static final String V1_SPEC_ANNOTATION = "pingsources.sources.knative.dev/v1beta2-spec";

  private static final ObjectMapper MAPPER =
      new ObjectMapper().configure(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES, false);

  private PingSourceConversion() {}

  /** The v1 form of {@code source}. */
  public static dev.tributary.api.sources.ping.PingSource toV1(PingSource source) {
    PingSourceSpec spec = source.getSpec() == null ? PingSourceSpec.EMPTY : source.getSpec();
    ObjectMeta metadata = metadataOf(source);
    Map<String, String> annotations = annotations(metadata);

    // Restore the v1 spec this object was converted from, unless the v1beta1 spec was changed.
    dev.tributary.api.sources.ping.PingSourceSpec v1Spec =
        parse(
                annotations.get(V1_SPEC_ANNOTATION),
                dev.tributary.api.sources.ping.PingSourceSpec.class)
            .filter(recorded -> toV1beta1Spec(recorded).equals(spec))
            .orElse(null);
    if (v1Spec == null) {
      v1Spec = toV1Spec(spec);
      annotations.put(V1BETA1_SPEC_ANNOTATION, json(spec));
    }
    annotations.remove(V1_SPEC_ANNOTATION);
    setAnnotations(metadata, annotations);

    dev.tributary.api.sources.ping.PingSource v1 = new dev.tributary.api.sources.ping.PingSource();
    v1.setMetadata(metadata);
    v1.setSpec(v1Spec);
    v1.setStatus(PingSourceCopies.status(source.getStatus()));
    return v1;
  }

  /** The v1beta1 form of {@code source}. */
  public static PingSource fromV1(dev.tributary.api.sources.ping.PingSource source) {
    dev.tributary.api.sources.ping.PingSourceSpec spec =
        source.getSpec() == null
            ? dev.tributary.api.sources.ping.PingSourceSpec.EMPTY
            : source.getSpec();
    ObjectMeta metadata = metadataOf(source);
    Map<String, String> annotations = annotations(metadata);

    // Restore the v1beta1 spec this object was converted from, if it still converts to this spec.
    PingSourceSpec v1beta1Spec =
        parse(annotations.get(V1BETA1_SPEC_ANNOTATION), PingSourceSpec.class)
            .filter(recorded -> toV1Spec(recorded).equals(spec))
            .orElseGet(() -> toV1beta1Spec(spec));
    annotations.put(V1_SPEC_ANNOTATION, json(spec));
    annotations.remove(V1BETA1_SPEC_ANNOTATION);
    setAnnotations(metadata, annotations);

    PingSource v1beta1 = new PingSource();
    v1beta1.setMetadata(metadata);
    v1beta1.setSpec(v1beta1Spec);
    v1beta1.setStatus(PingSourceCopies.status(source.getStatus()));
    return v1beta1;
  }

  /** The v1 spec a v1beta1 spec means (no annotations involved). */
  public static dev.tributary.api.sources.ping.PingSourceSpec toV1Spec(PingSourceSpec spec) {
    dev.tributary.api.sources.ping.PingSourceSpec v1 =
        new dev.tributary.api.sources.ping.PingSourceSpec(
            spec.sink(),
            spec.ceOverrides(),
            spec.schedule(),
            spec.timezone(),
            null,
            null,
            null,
            spec.delivery());
    if (spec.jsonData().isEmpty()) {
      return v1;
    }
    return v1.withContentType(PingSourceValidation.APPLICATION_JSON)
        .withData(jsonDataAsData(spec.jsonData()));
  }

  /**
   * The v1 {@code data} upstream's conversion makes of {@code jsonData}: a JSON object (or {@code
   * null}) re-marshalled as Go does, anything else wrapped as {@code {"body":"<jsonData>"}}.
   */
  private static String jsonDataAsData(String jsonData) {
    return GoJson.remarshalObject(jsonData)
        .orElseGet(() -> "{\"body\":" + GoJson.quote(jsonData) + "}");
  }

  /** The closest v1beta1 spec to a v1 spec (no annotations involved). */
  public static PingSourceSpec toV1beta1Spec(dev.tributary.api.sources.ping.PingSourceSpec spec) {
    String jsonData =
        PingSourceValidation.APPLICATION_JSON.equals(spec.contentType()) ? spec.data() : null;
    return new PingSourceSpec(
        spec.sink(),
        spec.ceOverrides(),
        spec.schedule(),
        spec.timezone(),
        jsonData,
        spec.delivery());
  }

  private static ObjectMeta metadataOf(io.fabric8.kubernetes.api.model.HasMetadata source) {
    ObjectMeta copy = PingSourceCopies.metadata(source.getMetadata());
    return copy == null ? new ObjectMeta() : copy;
  }

  private static Map<String, String> annotations(ObjectMeta metadata) {
    return metadata.getAnnotations() == null
        ? new HashMap<>()
        : new HashMap<>(metadata.getAnnotations());
  }

  private static void setAnnotations(ObjectMeta metadata, Map<String, String> annotations) {
    metadata.setAnnotations(annotations.isEmpty() ? null : annotations);
  }

  private static <T> Optional<T> parse(String json, Class<T> type) {
    if (json == null) {
      return Optional.empty();
    }
    try {
      return Optional.ofNullable(MAPPER.readValue(json, type));
    } catch (JsonProcessingException e) {
      // An annotation someone edited into something else is simply not used, as upstream.
      return Optional.empty();
    }
  }

  private static String json(Object spec) {
    try {
      return MAPPER.writeValueAsString(spec);
    } catch (JsonProcessingException e) {
      // Records of strings, maps and records always serialize.
      throw new UncheckedIOException(e);
    }
  }
}
