package dev.tributary.api.sources.ping.v1beta1;

import dev.tributary.api.sources.ping.PingSourceEvents;
import dev.tributary.api.sources.ping.PingSourceStatus;
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
 * A PingSource in {@code sources.knative.dev/v1beta1}, served so that old manifests (such as the
 * walkthrough's) still apply. Upstream removed this version in v0.23 without ever marking it
 * deprecated in the CRD, so it carries no deprecation warning. The status is v1's (the same duck
 * SourceStatus); {@link PingSourceConversion} converts to and from v1.
 */
@Group(dev.tributary.api.sources.ping.PingSource.GROUP)
@Version(value = "v1beta1", storage = false, served = true)
@Kind(dev.tributary.api.sources.ping.PingSource.KIND)
@Plural(dev.tributary.api.sources.ping.PingSource.PLURAL)
@Singular(dev.tributary.api.sources.ping.PingSource.SINGULAR)
@Categories({"all", "knative", "sources"})
@Labels({
  "eventing.knative.dev/source=true",
  "duck.knative.dev/source=true",
  "knative.dev/crd-install=true"
})
@Annotations({"registry.knative.dev/eventTypes=" + PingSourceEvents.EVENT_TYPES_JSON})
@AdditionalPrinterColumn(
    name = "Sink",
    type = AdditionalPrinterColumn.Type.STRING,
    jsonPath = ".status.sinkUri")
@AdditionalPrinterColumn(
    name = "Schedule",
    type = AdditionalPrinterColumn.Type.STRING,
    jsonPath = ".spec.schedule")
@AdditionalPrinterColumn(
    name = "Age",
    type = AdditionalPrinterColumn.Type.DATE,
    jsonPath = ".metadata.creationTimestamp")
@AdditionalPrinterColumn(
    name = "Ready",
    type = AdditionalPrinterColumn.Type.STRING,
    jsonPath = dev.tributary.api.sources.ping.PingSource.READY_STATUS_PATH)
@AdditionalPrinterColumn(
    name = "Reason",
    type = AdditionalPrinterColumn.Type.STRING,
    jsonPath = dev.tributary.api.sources.ping.PingSource.READY_REASON_PATH)
public class PingSource extends CustomResource<PingSourceSpec, PingSourceStatus>
    implements Namespaced {

  public PingSource() {}

  /** A v1beta1 PingSource named {@code namespace/name} with {@code spec}. */
  public static PingSource of(String namespace, String name, PingSourceSpec spec) {
    PingSource source = new PingSource();
    source.getMetadata().setNamespace(namespace);
    source.getMetadata().setName(name);
    source.setSpec(spec);
    return source;
  }
}
