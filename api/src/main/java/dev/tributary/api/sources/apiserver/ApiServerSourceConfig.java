package dev.tributary.api.sources.apiserver;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.ObjectReader;
import com.fasterxml.jackson.databind.ObjectWriter;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import dev.tributary.api.filter.SubscriptionsAPIFilter;
import dev.tributary.api.gojson.GoJsonEscapes;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;

/**
 * The receive adapter's configuration, passed in the {@code K_SOURCE_CONFIG} environment variable
 * as JSON exactly as upstream's controller writes it ({@code pkg/adapter/apiserver/config.go}):
 *
 * <pre>{@code
 * {"namespaces":["ns1"],"allNamespaces":false,
 *  "resources":[{"gvr":{"Group":"apps","Version":"v1","Resource":"deployments"},"selector":"app=foo"}],
 *  "owner":{"apiVersion":"apps/v1","kind":"ReplicaSet"},"mode":"Reference",
 *  "filters":[...],"failFast":true}
 * }</pre>
 *
 * <p>{@code namespaces}, {@code allNamespaces} and {@code resources} are always written; {@code
 * owner} only when set, {@code mode} when non-empty, {@code filters} when non-empty, {@code
 * failFast} when true; a resource's {@code selector} when non-empty. Strings are escaped as Go
 * escapes them ({@link GoJsonEscapes}). Pure: no I/O.
 *
 * @param namespaces the namespaces to watch (ignored by the adapter when {@code allNamespaces})
 * @param allNamespaces watch cluster-wide (the namespace selector was empty)
 * @param resources what to watch
 * @param owner keep only objects whose controller owner matches; null for all
 * @param mode {@code Reference} or {@code Resource}
 * @param filters Subscriptions API filters every event must pass; empty for none
 * @param failFast exit on a watch that cannot be set up instead of retrying (set when the
 *     permission check is skipped)
 */
@JsonIgnoreProperties(ignoreUnknown = true)
@JsonPropertyOrder({
  "namespaces",
  "allNamespaces",
  "resources",
  "owner",
  "mode",
  "filters",
  "failFast"
})
public record ApiServerSourceConfig(
    List<String> namespaces,
    boolean allNamespaces,
    List<ResourceWatch> resources,
    @JsonInclude(JsonInclude.Include.NON_NULL) ApiVersionKind owner,
    @JsonInclude(JsonInclude.Include.NON_EMPTY) String mode,
    @JsonInclude(JsonInclude.Include.NON_EMPTY) List<SubscriptionsAPIFilter> filters,
    @JsonInclude(JsonInclude.Include.NON_DEFAULT) boolean failFast) {

  /** The environment variable that carries this configuration. */
  public static final String ENV = "K_SOURCE_CONFIG";

  // Go's encoding/json writes map keys sorted; so do we, so the adapter's env (and so its
  // Deployment) does not change between runs for the same spec.
  private static final ObjectMapper MAPPER =
      JsonMapper.builder().enable(SerializationFeature.ORDER_MAP_ENTRIES_BY_KEYS).build();
  private static final ObjectWriter WRITER = MAPPER.writer().with(new GoJsonEscapes());
  private static final ObjectReader READER = MAPPER.readerFor(ApiServerSourceConfig.class);

  /**
   * One watched resource.
   *
   * @param gvr group, version and plural resource name
   * @param selector the label selector in string form ({@link LabelSelectors#format}); "" for all
   */
  @JsonPropertyOrder({"gvr", "selector"})
  public record ResourceWatch(
      GroupVersionResource gvr, @JsonInclude(JsonInclude.Include.NON_EMPTY) String selector) {
    public ResourceWatch {
      selector = selector == null ? "" : selector;
    }
  }

  public ApiServerSourceConfig {
    namespaces = namespaces == null ? List.of() : List.copyOf(namespaces);
    resources = resources == null ? List.of() : List.copyOf(resources);
    filters = filters == null ? List.of() : List.copyOf(filters);
  }

  /**
   * The configuration upstream's controller derives from {@code spec}: each resource's
   * group/version parsed from its apiVersion and its plural guessed from its kind ({@link
   * GroupVersionResource#guess}), its selector rendered as a string; owner, mode and filters
   * copied.
   *
   * @param spec the (defaulted, validated) spec
   * @param namespaces the namespaces to watch, as resolved by the controller (sorted)
   * @param allNamespaces true when the namespace selector is empty
   * @param failFast true when the permission check is skipped
   * @throws IllegalArgumentException {@code failed to parse APIVersion: ...} for an apiVersion that
   *     does not parse, or when a label selector is one Kubernetes would refuse
   */
  public static ApiServerSourceConfig of(
      ApiServerSourceSpec spec, List<String> namespaces, boolean allNamespaces, boolean failFast) {
    List<ResourceWatch> watches = new ArrayList<>(spec.resources().size());
    for (ApiVersionKindSelector r : spec.resources()) {
      GroupVersion gv;
      try {
        gv = GroupVersion.parse(r.apiVersion());
      } catch (IllegalArgumentException e) {
        throw new IllegalArgumentException("failed to parse APIVersion: " + e.getMessage(), e);
      }
      String selector = r.selector() == null ? "" : LabelSelectors.format(r.selector());
      watches.add(new ResourceWatch(GroupVersionResource.guess(gv, r.kind()), selector));
    }
    return new ApiServerSourceConfig(
        namespaces, allNamespaces, watches, spec.owner(), spec.mode(), spec.filters(), failFast);
  }

  /** The JSON text, as upstream's controller puts it in {@code K_SOURCE_CONFIG}. */
  public String toJson() {
    try {
      return WRITER.writeValueAsString(this);
    } catch (JsonProcessingException e) {
      // Only records of strings, lists and maps: serialization cannot fail.
      throw new UncheckedIOException(e);
    }
  }

  /**
   * Parses the JSON of {@code K_SOURCE_CONFIG}; unknown fields are ignored.
   *
   * @throws IllegalArgumentException when {@code json} is not such a document
   */
  public static ApiServerSourceConfig fromJson(String json) {
    try {
      return READER.readValue(json);
    } catch (JsonProcessingException e) {
      throw new IllegalArgumentException("invalid " + ENV + ": " + e.getOriginalMessage(), e);
    }
  }
}
