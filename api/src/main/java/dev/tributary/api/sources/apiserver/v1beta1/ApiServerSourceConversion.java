package dev.tributary.api.sources.apiserver.v1beta1;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import dev.tributary.api.filter.SubscriptionsAPIFilter;
import dev.tributary.api.sources.apiserver.ApiVersionKindSelector;
import dev.tributary.api.sources.apiserver.LabelSelectors;
import io.fabric8.kubernetes.api.model.LabelSelector;
import io.fabric8.kubernetes.api.model.ObjectMeta;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Converts ApiServerSource between {@code v1beta1} and {@code v1} (the storage version), as
 * upstream's {@code v1beta1/apiserver_conversion.go} did: metadata, the shared spec fields,
 * resources, owner, mode, serviceAccountName and the shared status are copied (deeply, so the
 * result shares nothing mutable with the input).
 *
 * <p><b>The v1-only spec fields survive a trip through v1beta1.</b> v1 added {@code
 * namespaceSelector} and {@code filters}, which v1beta1 cannot express; upstream never converted
 * such objects (v1beta1 was removed before those fields existed). Since Tributary stores v1 and
 * serves v1beta1, a v1beta1 client that reads an object and writes it back must not silently widen
 * its watch to one namespace or drop its filters. So {@link #fromV1} keeps those two fields, as
 * JSON, in the annotation {@value #V1_FIELDS_ANNOTATION} (only when at least one is set), and
 * {@link #toV1} restores them from it and removes it. That makes v1 → v1beta1 → v1 lossless for the
 * spec (the same approach as Cluster API's conversion-data annotation). The annotation is reserved:
 * {@link #fromV1} drops one found on a v1 object.
 *
 * <p><b>What is lost:</b> v1 {@code status.namespaces}, which v1beta1's status lacks. Status is
 * written only by the controller, through v1, and recomputed on every reconcile, so nothing reads
 * it back from v1beta1.
 *
 * <p>Pure and thread-safe.
 */
public final class ApiServerSourceConversion {
  /** Holds v1's {@code namespaceSelector} and {@code filters} on a v1beta1 object. */
  public static final String V1_FIELDS_ANNOTATION = "sources.tributary.dev/apiserversource-v1-spec";

  private static final ObjectMapper MAPPER = JsonMapper.builder().build();

  private ApiServerSourceConversion() {}

  /** The v1 fields v1beta1 lacks, as kept in {@link #V1_FIELDS_ANNOTATION}. */
  @JsonInclude(JsonInclude.Include.NON_EMPTY)
  @JsonPropertyOrder({"namespaceSelector", "filters"})
  private record V1Fields(
      @JsonInclude(JsonInclude.Include.NON_NULL) LabelSelector namespaceSelector,
      List<SubscriptionsAPIFilter> filters) {
    V1Fields {
      filters = filters == null ? List.of() : List.copyOf(filters);
    }

    static final V1Fields NONE = new V1Fields(null, null);

    boolean isEmpty() {
      return namespaceSelector == null && filters.isEmpty();
    }
  }

  /**
   * The v1 form of a v1beta1 source, with the v1-only fields restored from {@link
   * #V1_FIELDS_ANNOTATION} (which the result does not carry).
   *
   * @throws IllegalArgumentException when that annotation holds something other than what {@link
   *     #fromV1} writes
   */
  public static dev.tributary.api.sources.apiserver.ApiServerSource toV1(ApiServerSource source) {
    var out = new dev.tributary.api.sources.apiserver.ApiServerSource();
    ObjectMeta meta = copy(source.getMetadata());
    V1Fields v1Fields = V1Fields.NONE;
    if (meta != null && meta.getAnnotations() != null) {
      String kept = meta.getAnnotations().remove(V1_FIELDS_ANNOTATION);
      if (kept != null) {
        v1Fields = parse(kept);
      }
      if (meta.getAnnotations().isEmpty()) {
        meta.setAnnotations(null);
      }
    }
    out.setMetadata(meta);
    ApiServerSourceSpec spec = source.getSpec();
    if (spec != null) {
      out.setSpec(
          new dev.tributary.api.sources.apiserver.ApiServerSourceSpec(
              spec.sink(),
              spec.ceOverrides(),
              copyResources(spec.resources()),
              spec.owner(),
              spec.mode(),
              spec.serviceAccountName(),
              LabelSelectors.copy(v1Fields.namespaceSelector()),
              v1Fields.filters(),
              spec.delivery()));
    }
    if (source.getStatus() != null) {
      var status = new dev.tributary.api.sources.apiserver.ApiServerSourceStatus();
      status.copyFrom(source.getStatus());
      out.setStatus(status);
    }
    return out;
  }

  /**
   * The v1beta1 form of a v1 source; {@code namespaceSelector} and {@code filters}, when set, are
   * kept in {@link #V1_FIELDS_ANNOTATION}; {@code status.namespaces} is dropped.
   */
  public static ApiServerSource fromV1(dev.tributary.api.sources.apiserver.ApiServerSource source) {
    ApiServerSource out = new ApiServerSource();
    ObjectMeta meta = copy(source.getMetadata());
    if (meta != null && meta.getAnnotations() != null) {
      meta.getAnnotations().remove(V1_FIELDS_ANNOTATION);
      if (meta.getAnnotations().isEmpty()) {
        meta.setAnnotations(null);
      }
    }
    var spec = source.getSpec();
    if (spec != null) {
      V1Fields v1Fields = new V1Fields(spec.namespaceSelector(), spec.filters());
      if (!v1Fields.isEmpty()) {
        if (meta == null) {
          meta = new ObjectMeta();
        }
        Map<String, String> annotations =
            meta.getAnnotations() == null
                ? new LinkedHashMap<>()
                : new LinkedHashMap<>(meta.getAnnotations());
        annotations.put(V1_FIELDS_ANNOTATION, write(v1Fields));
        meta.setAnnotations(annotations);
      }
      out.setSpec(
          new ApiServerSourceSpec(
              spec.sink(),
              spec.ceOverrides(),
              copyResources(spec.resources()),
              spec.owner(),
              spec.mode(),
              spec.serviceAccountName(),
              spec.delivery()));
    }
    out.setMetadata(meta);
    if (source.getStatus() != null) {
      ApiServerSourceStatus status = new ApiServerSourceStatus();
      status.copyFrom(source.getStatus());
      out.setStatus(status);
    }
    return out;
  }

  private static List<ApiVersionKindSelector> copyResources(List<ApiVersionKindSelector> in) {
    List<ApiVersionKindSelector> out = new ArrayList<>(in.size());
    for (ApiVersionKindSelector r : in) {
      out.add(
          new ApiVersionKindSelector(r.apiVersion(), r.kind(), LabelSelectors.copy(r.selector())));
    }
    return out;
  }

  private static ObjectMeta copy(ObjectMeta meta) {
    ObjectMeta copy = meta == null ? null : MAPPER.convertValue(meta, ObjectMeta.class);
    if (copy != null && copy.getAnnotations() != null) {
      // A map we may change, whatever Jackson chose.
      copy.setAnnotations(new LinkedHashMap<>(copy.getAnnotations()));
    }
    return copy;
  }

  private static String write(V1Fields fields) {
    try {
      return MAPPER.writeValueAsString(fields);
    } catch (JsonProcessingException e) {
      // Records of strings, lists and maps: serialization cannot fail.
      throw new UncheckedIOException(e);
    }
  }

  private static V1Fields parse(String json) {
    try {
      V1Fields fields = MAPPER.readValue(json, V1Fields.class);
      return fields == null ? V1Fields.NONE : fields;
    } catch (JsonProcessingException e) {
      throw new IllegalArgumentException(
          "invalid annotation " + V1_FIELDS_ANNOTATION + ": " + e.getOriginalMessage(), e);
    }
  }
}
