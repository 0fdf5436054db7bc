package dev.tributary.api.sources.apiserver;

import dev.tributary.api.duck.Destination;

/**
 * Defaulting for ApiServerSource, as upstream's {@code SetDefaults}: {@code mode} becomes {@code
 * Reference} and {@code serviceAccountName} becomes {@code default} when empty.
 *
 * <p>Tributary also fills in {@code sink.ref.namespace} with the source's namespace when it is
 * empty. Upstream's defaulting leaves it empty and its reconciler assumes the source's namespace
 * when resolving the sink, so the resolved sink is the same either way; defaulting it makes the
 * stored object say what the reconciler will do, as every Tributary source does.
 *
 * <p>Pure and idempotent: returns a new spec and never changes its input.
 */
public final class ApiServerSourceDefaults {
  /** The service account the adapter runs as when none is given. */
  public static final String DEFAULT_SERVICE_ACCOUNT = "default";

  private ApiServerSourceDefaults() {}

  /**
   * {@code spec} with its defaults filled in.
   *
   * @param spec the spec; null is treated as an empty spec
   * @param namespace the source's namespace, for {@code sink.ref.namespace}; null or empty to leave
   *     that alone
   */
  public static ApiServerSourceSpec apply(ApiServerSourceSpec spec, String namespace) {
    ApiServerSourceSpec out =
        spec == null
            ? new ApiServerSourceSpec(null, null, null, null, null, null, null, null, null)
            : spec;
    if (isEmpty(out.mode())) {
      out = out.withMode(ApiServerSourceSpec.MODE_REFERENCE);
    }
    if (isEmpty(out.serviceAccountName())) {
      out = out.withServiceAccountName(DEFAULT_SERVICE_ACCOUNT);
    }
    if (out.sink() != null && !isEmpty(namespace)) {
      Destination sink = out.sink().withDefaultNamespace(namespace);
      if (sink != out.sink()) {
        out = out.withSink(sink);
      }
    }
    return out;
  }

  /** The source's spec with its defaults filled in, using the source's namespace. */
  public static ApiServerSourceSpec apply(ApiServerSource source) {
    String namespace = source.getMetadata() == null ? null : source.getMetadata().getNamespace();
    return apply(source.getSpec(), namespace);
  }

  private static boolean isEmpty(String s) {
    return s == null || s.isEmpty();
  }
}
