package dev.tributary.api.sources.ping;

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
 * A PingSource, {@code sources.knative.dev/v1} (the storage version): sends a fixed payload to a
 * sink on a cron schedule. The annotations describe its CRD as upstream's pingsource.yaml does
 * (labels, event types, categories, printer columns); older versions live in the {@code v1beta2}
 * and {@code v1beta1} subpackages with their conversions.
 *
 * <p>A mutable fabric8 resource, as Kubernetes objects are; the spec is an immutable record.
 */
@Group(PingSource.GROUP)
@Version(value = "v1", storage = true, served = true)
@Kind(PingSource.KIND)
@Plural(PingSource.PLURAL)
@Singular(PingSource.SINGULAR)
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
    jsonPath = PingSource.READY_STATUS_PATH)
@AdditionalPrinterColumn(
    name = "Reason",
    type = AdditionalPrinterColumn.Type.STRING,
    jsonPath = PingSource.READY_REASON_PATH)
public class PingSource extends CustomResource<PingSourceSpec, PingSourceStatus>
    implements Namespaced {
  public static final String GROUP = "sources.knative.dev";
  public static final String KIND = "PingSource";
  public static final String PLURAL = "pingsources";
  public static final String SINGULAR = "pingsource";

  /** The CRD's name, {@code pingsources.sources.knative.dev}. */
  public static final String CRD_NAME = PLURAL + "." + GROUP;

  /** The printer columns' paths to the Ready condition, shared by every served version. */
  public static final String READY_STATUS_PATH = ".status.conditions[?(@.type=='Ready')].status";

  public static final String READY_REASON_PATH = ".status.conditions[?(@.type=='Ready')].reason";

  public PingSource() {}

  /** A PingSource named {@code namespace/name} with {@code spec}. */
  public static PingSource of(String namespace, String name, PingSourceSpec spec) {
    PingSource source = new PingSource();
    source.getMetadata().setNamespace(namespace);
    source.getMetadata().setName(name);
    source.setSpec(spec);
    return source;
  }
}
