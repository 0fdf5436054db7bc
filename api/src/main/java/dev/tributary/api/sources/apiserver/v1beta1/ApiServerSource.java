package dev.tributary.api.sources.apiserver.v1beta1;

import dev.tributary.api.sources.apiserver.ApiServerSourceEventTypes;
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
 * An ApiServerSource in {@code sources.knative.dev/v1beta1}: served, not stored (objects are kept
 * as v1 and converted by {@link ApiServerSourceConversion}). Upstream removed this version in v0.23
 * without ever marking it deprecated; Tributary serves it so that old manifests, such as the
 * walkthrough's, still apply. Same group, kind, plural, categories and columns as v1.
 */
@Group(dev.tributary.api.sources.apiserver.ApiServerSource.GROUP)
@Version(value = "v1beta1", storage = false, served = true)
@Kind(dev.tributary.api.sources.apiserver.ApiServerSource.KIND)
@Plural(dev.tributary.api.sources.apiserver.ApiServerSource.PLURAL)
@Singular(dev.tributary.api.sources.apiserver.ApiServerSource.SINGULAR)
@Categories({"all", "knative", "sources"})
@Labels({
  "eventing.knative.dev/source=true",
  "duck.knative.dev/source=true",
  "knative.dev/crd-install=true"
})
@Annotations({
  dev.tributary.api.sources.apiserver.ApiServerSource.EVENT_TYPES_ANNOTATION
      + "="
      + ApiServerSourceEventTypes.REGISTRY_ANNOTATION
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
    implements Namespaced {}
