package dev.tributary.webhook;

import dev.tributary.api.sources.apiserver.ApiServerSourceDefaults;
import dev.tributary.api.sources.apiserver.ApiServerSourceValidation;
import dev.tributary.api.sources.apiserver.v1beta1.ApiServerSourceConversion;
import dev.tributary.api.sources.container.ContainerSourceDefaults;
import dev.tributary.api.sources.container.ContainerSourceValidation;
import dev.tributary.api.sources.container.v1beta1.ContainerSourceConversion;
import dev.tributary.api.sources.ping.PingSourceDefaults;
import dev.tributary.api.sources.ping.PingSourceValidation;
import dev.tributary.api.sources.sinkbinding.SinkBindingDefaults;
import dev.tributary.api.sources.sinkbinding.SinkBindingValidation;
import dev.tributary.api.sources.sinkbinding.v1beta1.SinkBindingConversion;
import io.fabric8.kubernetes.api.model.GroupVersionKind;
import io.fabric8.kubernetes.api.model.HasMetadata;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;

/**
 * Every served version of the four source kinds, with its defaulting, validation and conversion
 * (see {@link SourceVersion}). v1 and v1beta2 PingSource share v1's spec, so they share its
 * defaults and validation; v1beta1 PingSource has its own (upstream v0.22's). The other v1beta1
 * versions have no rules of their own here: they are defaulted and validated through their v1 form
 * (convert, apply v1's rules, convert back), which is what storing them as v1 implies.
 *
 * <p>Stateless and thread-safe.
 */
public final class SourceVersions {

  private static final List<SourceVersion<?>> ALL =
      List.of(
          pingV1(),
          pingV1beta2(),
          pingV1beta1(),
          apiServerV1(),
          viaV1(
              "ApiServerSource",
              "v1beta1",
              "apiserversources",
              dev.tributary.api.sources.apiserver.v1beta1.ApiServerSource.class,
              apiServerV1(),
              ApiServerSourceConversion::toV1,
              v1 ->
                  ApiServerSourceConversion.fromV1(
                      (dev.tributary.api.sources.apiserver.ApiServerSource) v1),
              true),
          containerV1(),
          viaV1(
              "ContainerSource",
              "v1beta1",
              "containersources",
              dev.tributary.api.sources.container.v1beta1.ContainerSource.class,
              containerV1(),
              ContainerSourceConversion::toV1,
              v1 ->
                  ContainerSourceConversion.fromV1(
                      (dev.tributary.api.sources.container.ContainerSource) v1),
              true),
          sinkBindingV1(),
          viaV1(
              "SinkBinding",
              "v1beta1",
              "sinkbindings",
              dev.tributary.api.sources.sinkbinding.v1beta1.SinkBinding.class,
              sinkBindingV1(),
              SinkBindingConversion::toV1,
              v1 ->
                  SinkBindingConversion.fromV1(
                      (dev.tributary.api.sources.sinkbinding.SinkBinding) v1),
              false));

  private SourceVersions() {}

  /** All served versions of all four kinds. */
  public static List<SourceVersion<?>> all() {
    return ALL;
  }

  /** The entry for {@code kind} in {@code version} of {@code group}, if it is one of ours. */
  public static Optional<SourceVersion<?>> find(String group, String version, String kind) {
    if (!SourceVersion.GROUP.equals(group)) {
      return Optional.empty();
    }
    return ALL.stream()
        .filter(v -> v.kind().equals(kind) && v.version().equals(version))
        .findFirst();
  }

  /** The entry for an AdmissionRequest's {@code kind} (none for a missing one), if it is ours. */
  public static Optional<SourceVersion<?>> find(GroupVersionKind gvk) {
    return gvk == null ? Optional.empty() : find(gvk.getGroup(), gvk.getVersion(), gvk.getKind());
  }

  private static SourceVersion<dev.tributary.api.sources.ping.PingSource> pingV1() {
    return new SourceVersion<>(
        "PingSource",
        "v1",
        "pingsources",
        dev.tributary.api.sources.ping.PingSource.class,
        source -> {
          source.setSpec(PingSourceDefaults.apply(source.getSpec()));
          return source;
        },
        PingSourceValidation::validate,
        source -> source,
        v1 -> (dev.tributary.api.sources.ping.PingSource) v1,
        true);
  }

  private static SourceVersion<dev.tributary.api.sources.ping.v1beta2.PingSource> pingV1beta2() {
    return new SourceVersion<>(
        "PingSource",
        "v1beta2",
        "pingsources",
        dev.tributary.api.sources.ping.v1beta2.PingSource.class,
        source -> {
          source.setSpec(PingSourceDefaults.apply(source.getSpec()));
          return source;
        },
        (source, config) ->
            PingSourceValidation.validateSpec(source.getSpec(), config).viaField("spec"),
        dev.tributary.api.sources.ping.v1beta2.PingSourceConversion::toV1,
        v1 ->
            dev.tributary.api.sources.ping.v1beta2.PingSourceConversion.fromV1(
                (dev.tributary.api.sources.ping.PingSource) v1),
        true);
  }

  private static SourceVersion<dev.tributary.api.sources.ping.v1beta1.PingSource> pingV1beta1() {
    return new SourceVersion<>(
        "PingSource",
        "v1beta1",
        "pingsources",
        dev.tributary.api.sources.ping.v1beta1.PingSource.class,
        source -> {
          source.setSpec(
              dev.tributary.api.sources.ping.v1beta1.PingSourceDefaults.apply(source.getSpec()));
          return source;
        },
        dev.tributary.api.sources.ping.v1beta1.PingSourceValidation::validate,
        dev.tributary.api.sources.ping.v1beta1.PingSourceConversion::toV1,
        v1 ->
            dev.tributary.api.sources.ping.v1beta1.PingSourceConversion.fromV1(
                (dev.tributary.api.sources.ping.PingSource) v1),
        true);
  }

  private static SourceVersion<dev.tributary.api.sources.apiserver.ApiServerSource> apiServerV1() {
    return new SourceVersion<>(
        "ApiServerSource",
        "v1",
        "apiserversources",
        dev.tributary.api.sources.apiserver.ApiServerSource.class,
        source -> {
          source.setSpec(ApiServerSourceDefaults.apply(source));
          return source;
        },
        (source, config) -> ApiServerSourceValidation.validate(source),
        source -> source,
        v1 -> (dev.tributary.api.sources.apiserver.ApiServerSource) v1,
        true);
  }

  private static SourceVersion<dev.tributary.api.sources.container.ContainerSource> containerV1() {
    return new SourceVersion<>(
        "ContainerSource",
        "v1",
        "containersources",
        dev.tributary.api.sources.container.ContainerSource.class,
        ContainerSourceDefaults::apply,
        (source, config) -> ContainerSourceValidation.validate(source),
        source -> source,
        v1 -> (dev.tributary.api.sources.container.ContainerSource) v1,
        true);
  }

  private static SourceVersion<dev.tributary.api.sources.sinkbinding.SinkBinding> sinkBindingV1() {
    return new SourceVersion<>(
        "SinkBinding",
        "v1",
        "sinkbindings",
        dev.tributary.api.sources.sinkbinding.SinkBinding.class,
        SinkBindingDefaults::apply,
        (binding, config) -> SinkBindingValidation.validate(binding),
        binding -> binding,
        v1 -> (dev.tributary.api.sources.sinkbinding.SinkBinding) v1,
        false);
  }

  /** A version without rules of its own: defaulted and validated as its v1 form. */
  @SuppressWarnings("unchecked")
  private static <T extends HasMetadata, H extends HasMetadata> SourceVersion<T> viaV1(
      String kind,
      String version,
      String plural,
      Class<T> type,
      SourceVersion<H> hub,
      Function<T, H> toV1,
      Function<HasMetadata, T> fromV1,
      boolean userInfoAnnotations) {
    return new SourceVersion<>(
        kind,
        version,
        plural,
        type,
        source -> fromV1.apply(hub.defaults().apply(toV1.apply(source))),
        (source, config) -> hub.validate().apply(toV1.apply(source), config),
        source -> toV1.apply(source),
        fromV1,
        userInfoAnnotations);
  }
}
