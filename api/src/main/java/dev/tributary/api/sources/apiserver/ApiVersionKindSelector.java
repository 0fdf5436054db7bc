package dev.tributary.api.sources.apiserver;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import io.fabric8.kubernetes.api.model.LabelSelector;

/**
 * One entry of {@code spec.resources}: the type of object to watch and an optional label selector
 * (upstream's {@code APIVersionKindSelector}). {@code apiVersion} and {@code kind} are always
 * written, as upstream; {@code selector} only when set.
 *
 * <p>The selector is fabric8's mutable model class: treat it as read-only, and copy it ({@link
 * LabelSelectors#copy}) before handing it to code that may change it.
 *
 * @param apiVersion e.g. {@code v1}, {@code apps/v1}
 * @param kind e.g. {@code Event}
 * @param selector restricts the watch to objects whose labels match; null for all objects
 */
@JsonIgnoreProperties(ignoreUnknown = true)
@JsonPropertyOrder({"apiVersion", "kind", "selector"})
public record ApiVersionKindSelector(
    String apiVersion,
    String kind,
    @JsonInclude(JsonInclude.Include.NON_NULL) LabelSelector selector) {

  public ApiVersionKindSelector {
    apiVersion = apiVersion == null ? "" : apiVersion;
    kind = kind == null ? "" : kind;
  }

  /** A selector-less entry. */
  public static ApiVersionKindSelector of(String apiVersion, String kind) {
    return new ApiVersionKindSelector(apiVersion, kind, null);
  }
}
