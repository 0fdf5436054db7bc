package dev.tributary.local.apiserver.crd;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.tributary.api.sources.apiserver.v1beta1.ApiServerSourceConversion;
import dev.tributary.api.sources.container.v1beta1.ContainerSourceConversion;
import dev.tributary.api.sources.ping.v1beta1.PingSourceConversion;
import dev.tributary.api.sources.sinkbinding.v1beta1.SinkBindingConversion;
import java.util.function.Function;
import java.util.function.UnaryOperator;

/**
 * The in-process conversions of the {@code sources.knative.dev} kinds, each through v1 (the storage
 * version) with the api module's {@code *Conversion} classes; objects go between JSON and those
 * classes with Jackson. Stateless.
 */
public final class KnativeSourceConverters {

  /** The sources' API group. */
  public static final String GROUP = "sources.knative.dev";

  private static final ObjectMapper MAPPER =
      JsonMapper.builder().disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES).build();

  private KnativeSourceConverters() {}

  /**
   * Registers PingSource, ApiServerSource, ContainerSource and SinkBinding on {@code converters}.
   */
  public static VersionConverters registerAll(VersionConverters converters) {
    converters.register(
        GROUP,
        "PingSource",
        new HubConverter(GROUP, "v1")
            .spoke(
                "v1beta1",
                via(
                    dev.tributary.api.sources.ping.v1beta1.PingSource.class,
                    PingSourceConversion::toV1),
                via(dev.tributary.api.sources.ping.PingSource.class, PingSourceConversion::fromV1))
            .spoke(
                "v1beta2",
                via(
                    dev.tributary.api.sources.ping.v1beta2.PingSource.class,
                    dev.tributary.api.sources.ping.v1beta2.PingSourceConversion::toV1),
                via(
                    dev.tributary.api.sources.ping.PingSource.class,
                    dev.tributary.api.sources.ping.v1beta2.PingSourceConversion::fromV1)));
    converters.register(
        GROUP,
        "ApiServerSource",
        new HubConverter(GROUP, "v1")
            .spoke(
                "v1beta1",
                via(
                    dev.tributary.api.sources.apiserver.v1beta1.ApiServerSource.class,
                    ApiServerSourceConversion::toV1),
                via(
                    dev.tributary.api.sources.apiserver.ApiServerSource.class,
                    ApiServerSourceConversion::fromV1)));
    converters.register(
        GROUP,
        "ContainerSource",
        new HubConverter(GROUP, "v1")
            .spoke(
                "v1beta1",
                via(
                    dev.tributary.api.sources.container.v1beta1.ContainerSource.class,
                    ContainerSourceConversion::toV1),
                via(
                    dev.tributary.api.sources.container.ContainerSource.class,
                    ContainerSourceConversion::fromV1)));
    converters.register(
        GROUP,
        "SinkBinding",
        new HubConverter(GROUP, "v1")
            .spoke(
                "v1beta1",
                via(
                    dev.tributary.api.sources.sinkbinding.v1beta1.SinkBinding.class,
                    SinkBindingConversion::toV1),
                via(
                    dev.tributary.api.sources.sinkbinding.SinkBinding.class,
                    SinkBindingConversion::fromV1)));
    return converters;
  }

  /** JSON → {@code from} → {@code conversion} → JSON. */
  private static <A, B> UnaryOperator<ObjectNode> via(Class<A> from, Function<A, B> conversion) {
    return object -> {
      A typed = MAPPER.convertValue(object, from);
      ObjectNode converted = MAPPER.valueToTree(conversion.apply(typed));
      converted.remove(
          converted.properties().stream()
              .filter(e -> e.getValue().isNull())
              .map(java.util.Map.Entry::getKey)
              .toList());
      return converted;
    };
  }
}
