package dev.tributary.api.sources.apiserver;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import dev.tributary.api.duck.CloudEventOverrides;
import dev.tributary.api.duck.DeliverySpec;
import dev.tributary.api.duck.Destination;
import dev.tributary.api.duck.SourceSpec;
import dev.tributary.api.filter.SubscriptionsAPIFilter;
import io.fabric8.crd.generator.annotation.PreserveUnknownFields;
import io.fabric8.kubernetes.api.model.LabelSelector;
import java.util.List;

/**
 * The desired state of an ApiServerSource ({@code sources.knative.dev/v1}), with upstream's JSON
 * names: watch {@code resources} (optionally only those owned by {@code owner}) in the source's
 * namespace or the namespaces {@code namespaceSelector} picks, and send an event per add, update
 * and delete to {@code sink}.
 *
 * <p>The CRD schema keeps unknown spec fields ({@code x-kubernetes-preserve-unknown-fields}), as
 * upstream's does, so this type ignores fields it does not know rather than failing on them.
 *
 * <p>{@code filters}: upstream accepts a non-empty list only with the {@code
 * new-apiserversource-filters} feature flag on (off by default). Tributary supports them without a
 * flag; see {@link ApiServerSourceValidation}.
 *
 * <p>Immutable apart from the fabric8 {@link LabelSelector}s it holds, which callers must not
 * change.
 *
 * @param sink where events go; required
 * @param ceOverrides extensions added to every event, or null
 * @param resources the types of object to watch; at least one is required
 * @param owner keep only objects whose controller owner has this apiVersion and kind; null for all
 * @param mode {@link #MODE_REFERENCE} (events carry a reference) or {@link #MODE_RESOURCE} (events
 *     carry the object); defaulted to Reference
 * @param serviceAccountName the service account the adapter runs as; defaulted to {@code default}
 * @param namespaceSelector null: the source's own namespace; empty: all namespaces; else the
 *     namespaces whose labels match
 * @param filters CloudEvents Subscriptions API filters the events must all pass; empty for none
 * @param delivery Tributary's delivery policy; null for the default
 */
@JsonInclude(JsonInclude.Include.NON_EMPTY)
@JsonIgnoreProperties(ignoreUnknown = true)
@JsonPropertyOrder({
  "sink",
  "ceOverrides",
  "resources",
  "owner",
  "mode",
  "serviceAccountName",
  "namespaceSelector",
  "filters",
  "delivery"
})
@PreserveUnknownFields
public record ApiServerSourceSpec(
    Destination sink,
    CloudEventOverrides ceOverrides,
    List<ApiVersionKindSelector> resources,
    ApiVersionKind owner,
    String mode,
    String serviceAccountName,
    @JsonInclude(JsonInclude.Include.NON_NULL) LabelSelector namespaceSelector,
    List<SubscriptionsAPIFilter> filters,
    DeliverySpec delivery)
    implements SourceSpec {

  /** Events carry a reference to the object (the default). */
  public static final String MODE_REFERENCE = "Reference";

  /** Events carry the whole object. */
  public static final String MODE_RESOURCE = "Resource";

  public ApiServerSourceSpec {
    // A JSON null element decodes to the zero value in Go; do the same rather than fail.
    resources =
        resources == null
            ? List.of()
            : resources.stream()
                .map(r -> r == null ? ApiVersionKindSelector.of("", "") : r)
                .toList();
    filters =
        filters == null
            ? List.of()
            : filters.stream().map(f -> f == null ? SubscriptionsAPIFilter.EMPTY : f).toList();
  }

  /** This spec with another {@code sink}. */
  public ApiServerSourceSpec withSink(Destination newSink) {
    return new ApiServerSourceSpec(
        newSink,
        ceOverrides,
        resources,
        owner,
        mode,
        serviceAccountName,
        namespaceSelector,
        filters,
        delivery);
  }

  /** This spec with another {@code mode}. */
  public ApiServerSourceSpec withMode(String newMode) {
    return new ApiServerSourceSpec(
        sink,
        ceOverrides,
        resources,
        owner,
        newMode,
        serviceAccountName,
        namespaceSelector,
        filters,
        delivery);
  }

  /** This spec with another {@code serviceAccountName}. */
  public ApiServerSourceSpec withServiceAccountName(String newServiceAccountName) {
    return new ApiServerSourceSpec(
        sink,
        ceOverrides,
        resources,
        owner,
        mode,
        newServiceAccountName,
        namespaceSelector,
        filters,
        delivery);
  }
}
