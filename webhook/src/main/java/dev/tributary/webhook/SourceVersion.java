package dev.tributary.webhook;

import dev.tributary.api.sources.ping.PingDefaultsConfig;
import dev.tributary.api.validation.FieldError;
import io.fabric8.kubernetes.api.model.HasMetadata;
import java.util.Objects;
import java.util.function.BiFunction;
import java.util.function.Function;
import java.util.function.UnaryOperator;

/**
 * What the webhook knows about one served version of one {@code sources.knative.dev} kind: its
 * class, how to default and validate it (the api module's {@code *Defaults} and {@code
 * *Validation}), and how to convert it to and from v1, the hub every conversion goes through.
 *
 * <p>The functions receive objects the caller owns (freshly decoded); {@link #defaults} may change
 * its argument and returns the defaulted object. Immutable and thread-safe.
 *
 * @param kind e.g. {@code PingSource}
 * @param version e.g. {@code v1beta2}
 * @param plural e.g. {@code pingsources}
 * @param type the class objects of this version decode into
 * @param defaults the version's defaulting
 * @param validate the version's validation, under the current {@code config-ping-defaults}
 * @param toV1 the v1 form of an object of this version (identity for v1)
 * @param fromV1 this version's form of a v1 object (identity for v1)
 * @param userInfoAnnotations whether upstream's defaulting records the creator and last modifier in
 *     annotations (the kinds implementing {@code apis.HasSpec}: all but SinkBinding)
 */
public record SourceVersion<T extends HasMetadata>(
    String kind,
    String version,
    String plural,
    Class<T> type,
    UnaryOperator<T> defaults,
    BiFunction<T, PingDefaultsConfig, FieldError> validate,
    Function<T, HasMetadata> toV1,
    Function<HasMetadata, T> fromV1,
    boolean userInfoAnnotations) {

  /** The sources' API group. */
  public static final String GROUP = "sources.knative.dev";

  /** The hub version all conversions go through (the storage version). */
  public static final String HUB = "v1";

  public SourceVersion {
    Objects.requireNonNull(kind, "kind");
    Objects.requireNonNull(version, "version");
    Objects.requireNonNull(plural, "plural");
    Objects.requireNonNull(type, "type");
    Objects.requireNonNull(defaults, "defaults");
    Objects.requireNonNull(validate, "validate");
    Objects.requireNonNull(toV1, "toV1");
    Objects.requireNonNull(fromV1, "fromV1");
  }

  /** {@code group/version}, e.g. {@code sources.knative.dev/v1}. */
  public String apiVersion() {
    return GROUP + "/" + version;
  }
}
