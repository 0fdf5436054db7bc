package dev.tributary.api.sources.container;

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
 * A ContainerSource ({@code sources.knative.dev/v1}, the storage version): runs the user's pod
 * template as a Deployment and binds it to {@code spec.sink} through a SinkBinding, so its
 * containers get {@code K_SINK} and {@code K_CE_OVERRIDES}. Child names: {@link
 * ContainerSourceNames}.
 */
@Group(ContainerSource.GROUP)
@Version(value = "v1", storage = true, served = true)
@Kind(ContainerSource.KIND)
@Plural(ContainerSource.PLURAL)
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
public class ContainerSource extends CustomResource<ContainerSourceSpec, ContainerSourceStatus>
    implements Namespaced {
  public static final String GROUP = "sources.knative.dev";
  public static final String KIND = "ContainerSource";
  public static final String PLURAL = "containersources";
}
