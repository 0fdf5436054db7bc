package dev.tributary.api.sources.apiserver.v1beta1;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import dev.tributary.api.duck.CloudEventOverrides;
import dev.tributary.api.duck.DeliverySpec;
import dev.tributary.api.duck.Destination;
import dev.tributary.api.duck.SourceSpec;
import dev.tributary.api.sources.apiserver.ApiVersionKind;
import dev.tributary.api.sources.apiserver.ApiVersionKindSelector;
import java.util.List;

/**
 * The desired state of an ApiServerSource in {@code sources.knative.dev/v1beta1} (removed upstream
 * in v0.23, still used by old manifests): the v1 fields less {@code namespaceSelector} and {@code
 * filters}. The resource and owner types and the mode values are the same as v1's.
 *
 * @param sink where events go
 * @param ceOverrides extensions added to every event, or null
 * @param resources the types of object to watch
 * @param owner keep only objects whose controller owner matches; null for all
 * @param mode {@code Reference} or {@code Resource}
 * @param serviceAccountName the service account the adapter runs as
 * @param delivery Tributary's delivery policy, as in v1; null for the default
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
  "delivery"
})
public record ApiServerSourceSpec(
    Destination sink,
    CloudEventOverrides ceOverrides,
    List<ApiVersionKindSelector> resources,
    ApiVersionKind owner,
    String mode,
    String serviceAccountName,
    DeliverySpec delivery)
    implements SourceSpec {

  public ApiServerSourceSpec {
    resources =
        resources == null
            ? List.of()
            : resources.stream()
                .map(r -> r == null ? ApiVersionKindSelector.of("", "") : r)
                .toList();
  }
}
