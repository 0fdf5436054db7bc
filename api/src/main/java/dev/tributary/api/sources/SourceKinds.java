package dev.tributary.api.sources;

import io.fabric8.kubernetes.client.CustomResource;
import java.util.List;

/**
 * Every {@code sources.knative.dev} resource class Tributary serves, one per kind and version. The
 * CRD YAMLs are generated from this list, and servers register the kinds from it.
 */
public final class SourceKinds {
  private SourceKinds() {}

  /** The resource classes: every version of every kind, the storage version first per kind. */
  public static List<Class<? extends CustomResource<?, ?>>> all() {
    return List.of(
        dev.tributary.api.sources.ping.PingSource.class,
        dev.tributary.api.sources.ping.v1beta2.PingSource.class,
        dev.tributary.api.sources.ping.v1beta1.PingSource.class,
        dev.tributary.api.sources.apiserver.ApiServerSource.class,
        dev.tributary.api.sources.apiserver.v1beta1.ApiServerSource.class,
        dev.tributary.api.sources.container.ContainerSource.class,
        dev.tributary.api.sources.container.v1beta1.ContainerSource.class,
        dev.tributary.api.sources.sinkbinding.SinkBinding.class,
        dev.tributary.api.sources.sinkbinding.v1beta1.SinkBinding.class);
  }
}
