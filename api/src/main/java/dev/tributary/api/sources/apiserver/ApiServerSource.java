package dev.tributary.api.sources.apiserver;

import io.fabric8.crd.generator.annotation.AdditionalPrinterColumn;
import io.fabric8.crd.generator.annotation.Annotations;
import io.fabric8.crd.generator.annotation.Labels;
import io.fabric8.kubernetes.api.model.Namespaced;
import io.fabric8.kubernetes.client.CustomResource;
import io.fabric8.kubernetes.model.annotation.Categories;
import io.fabric8.kubernetes.model.annotation.Group;
import io.fabric8.kubernetes.model.annotation.Kind;
import io.fabric8.kubernetes.model.annotation.Plural;
import io.fabric8.kubernetes.model.annotation.Singular;
import io.fabric8.kubernetes.model.annotation.Version;

/**
 * An ApiServerSource ({@code sources.knative.dev/v1}, the storage version): watches Kubernetes
 * objects and sends a CloudEvent to its sink for every add, update and delete.
 *
 * <p>CRD metadata as upstream's {@code config/core/resources/apiserversource.yaml}: namespaced,
 * categories {@code all, knative, sources}, no short name, the source labels, the {@code
 * registry.knative.dev/eventTypes} annotation, and the columns SINK, AGE, READY, REASON.
 */
@Group(ApiServerSource.GROUP)
@Version(value = "v1", storage = true, served = true)
@Kind(ApiServerSource.KIND)
@Plural(ApiServerSource.PLURAL)
@Singular(ApiServerSource.SINGULAR)
@Categories({"all", "knative", "sources"})
@Labels({
  "eventing.knative.dev/source=true",
  "duck.knative.dev/source=true",
  "knative.dev/crd-install=true"
})
@Annotations({
  ApiServerSource.EVENT_TYPES_ANNOTATION + "=" + ApiServerSourceEventTypes.REGISTRY_ANNOTATION
})
@AdditionalPrinterColumn(
    name = "Sink",
    type = AdditionalPrinterColumn.Type.STRING,
    jsonPath = ".status.sinkUri")
@AdditionalPrinterColumn(
    name = "Age",
    type = AdditionalPrinterColumn.Type.DATE,
    jsonPath = ".metadata.creationTimestamp")
@AdditionalPrinterColumn(
    name = "Ready",
    type = AdditionalPrinterColumn.Type.STRING,
    jsonPath = ".status.conditions[?(@.type==\"Ready\")].status")
@AdditionalPrinterColumn(
    name = "Reason",
    type = AdditionalPrinterColumn.Type.STRING,
    jsonPath = ".status.conditions[?(@.type==\"Ready\")].reason")
public class ApiServerSource extends CustomResource<ApiServerSourceSpec, ApiServerSourceStatus>
    implements Namespaced {

  public static final String GROUP = "sources.knative.dev";
  public static final String KIND = "ApiServerSource";
  public static final String PLURAL = "apiserversources";
  public static final String SINGULAR = "apiserversource";

  /** The CRD annotation listing the event types, as Knative's event registry reads it. */
  public static final String EVENT_TYPES_ANNOTATION = "registry.knative.dev/eventTypes";

  /** The finalizer the reconciler adds: {@code apiserversources.sources.knative.dev}. */
  public static final String FINALIZER = PLURAL + "." + GROUP;

  /**
   * Annotation that, when {@code "true"}, skips the permission check (SufficientPermissions is
   * marked True) and puts the adapter in fail-fast mode.
   */
  public static final String SKIP_PERMISSIONS_ANNOTATION =
      "features.knative.dev/apiserversource-skip-permissions-check";
}
