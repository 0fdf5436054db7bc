package dev.tributary.api.sources.sinkbinding.v1beta1;

import dev.tributary.api.duck.SourceStatus;
import io.fabric8.crd.generator.annotation.AdditionalPrinterColumn;
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
 * A SinkBinding as {@code sources.knative.dev/v1beta1} served it (removed upstream in v0.23; the
 * walkthrough's manifest uses it). Same spec as v1 without Tributary's {@code delivery}, and a
 * status without {@code oidcTokenSecretName}; converted with {@link SinkBindingConversion}.
 */
@Group(dev.tributary.api.sources.sinkbinding.SinkBinding.GROUP)
@Version(value = "v1beta1", storage = false, served = true)
@Kind(dev.tributary.api.sources.sinkbinding.SinkBinding.KIND)
@Plural(dev.tributary.api.sources.sinkbinding.SinkBinding.PLURAL)
@Singular("sinkbinding")
@Categories({"all", "knative", "sources", "bindings"})
@Labels({
  "eventing.knative.dev/source=true",
  "duck.knative.dev/source=true",
  "duck.knative.dev/binding=true",
  "knative.dev/crd-install=true"
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
    jsonPath = ".status.conditions[?(@.type=='Ready')].status")
@AdditionalPrinterColumn(
    name = "Reason",
    type = AdditionalPrinterColumn.Type.STRING,
    jsonPath = ".status.conditions[?(@.type=='Ready')].reason")
public class SinkBinding extends CustomResource<SinkBindingSpec, SourceStatus>
    implements Namespaced {}
