package dev.tributary.api.sources.container.v1beta1;

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
 * A ContainerSource as {@code sources.knative.dev/v1beta1} served it (removed upstream in v0.23;
 * still used by old manifests). Same shape as v1 without Tributary's {@code delivery}; converted
 * with {@link ContainerSourceConversion}.
 */
@Group(dev.tributary.api.sources.container.ContainerSource.GROUP)
@Version(value = "v1beta1", storage = false, served = true)
@Kind(dev.tributary.api.sources.container.ContainerSource.KIND)
@Plural(dev.tributary.api.sources.container.ContainerSource.PLURAL)
@Singular("containersource")
@Categories({"all", "knative", "sources"})
@Labels({
  "eventing.knative.dev/source=true",
  "duck.knative.dev/source=true",
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
    jsonPath = ".status.conditions[?(@.type==\"Ready\")].status")
@AdditionalPrinterColumn(
    name = "Reason",
    type = AdditionalPrinterColumn.Type.STRING,
    jsonPath = ".status.conditions[?(@.type=='Ready')].reason")
public class ContainerSource extends CustomResource<ContainerSourceSpec, SourceStatus>
    implements Namespaced {}
