package dev.tributary.api.sources.sinkbinding;

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
 * A SinkBinding ({@code sources.knative.dev/v1}, the storage version): resolves {@code spec.sink}
 * and injects it ({@code K_SINK}, {@code K_CE_OVERRIDES}, {@code K_CA_CERTS}) into the pod
 * templates of the objects {@code spec.subject} names or selects (see {@link
 * SinkBindingInjection}).
 */
@Group(SinkBinding.GROUP)
@Version(value = "v1", storage = true, served = true)
@Kind(SinkBinding.KIND)
@Plural(SinkBinding.PLURAL)
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
public class SinkBinding extends CustomResource<SinkBindingSpec, SinkBindingStatus>
    implements Namespaced {
  public static final String GROUP = "sources.knative.dev";
  public static final String KIND = "SinkBinding";
  public static final String PLURAL = "sinkbindings";

  /** The finalizer the binding reconciler adds, to unbind subjects before deletion. */
  public static final String FINALIZER = PLURAL + "." + GROUP;
}
