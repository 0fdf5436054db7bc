package dev.tributary.api.sources.ping.v1beta2;

import dev.tributary.api.sources.ping.PingSourceEvents;
import dev.tributary.api.sources.ping.PingSourceSpec;
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
 * A PingSource in {@code sources.knative.dev/v1beta2}: still served, deprecated with upstream's
 * warning, schema identical to v1. It shares v1's spec and status types, so v1's {@link
 * dev.tributary.api.sources.ping.PingSourceDefaults} and {@link
 * dev.tributary.api.sources.ping.PingSourceValidation#validateSpec} apply to it as they are; {@link
 * PingSourceConversion} converts it to and from v1.
 */
@Group(dev.tributary.api.sources.ping.PingSource.GROUP)
@Version(
    value = "v1beta2",
    storage = false,
    served = true,
    deprecated = true,
    deprecationWarning = PingSource.DEPRECATION_WARNING)
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

  /** The warning API clients get for every v1beta2 request, upstream's text. */
  public static final String DEPRECATION_WARNING =
      "sources.knative.dev/v1beta2 PingSource is deprecated; see"
          + " https://knative.dev/docs/eventing/sources/ping-source/ for instructions to migrate to"
          + " sources.knative.dev/v1 PingSource";

  public PingSource() {}
}
