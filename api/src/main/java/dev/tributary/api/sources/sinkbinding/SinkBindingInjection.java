package dev.tributary.api.sources.sinkbinding;

import dev.tributary.api.duck.CloudEventOverrides;
import dev.tributary.api.gojson.GoJson;
import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.EnvVar;
import io.fabric8.kubernetes.api.model.EnvVarBuilder;
import io.fabric8.kubernetes.api.model.PodSpec;
import io.fabric8.kubernetes.api.model.PodSpecBuilder;
import io.fabric8.kubernetes.api.model.PodTemplateSpec;
import io.fabric8.kubernetes.api.model.PodTemplateSpecBuilder;
import io.fabric8.kubernetes.api.model.Volume;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.function.Consumer;
import java.util.function.Predicate;

/**
 * What a SinkBinding does to a subject's pod template (upstream's {@code Do} and {@code Undo}), as
 * pure functions: each returns a new pod spec and never changes its argument.
 *
 * <p>{@link #inject} first undoes any previous binding, then appends to the env of every init
 * container and every container, in this order: {@code K_SINK}, {@code K_CA_CERTS} (only when the
 * sink has CA certificates), {@code K_CE_OVERRIDES} (the JSON of the overrides, or "" when there
 * are none). Doing it twice gives the same result as doing it once. The OIDC token and trust bundle
 * volumes upstream can add are not added (Tributary has neither feature), but {@link #undo} removes
 * them as upstream does.
 */
public final class SinkBindingInjection {
  public static final String K_SINK = "K_SINK";
  public static final String K_CA_CERTS = "K_CA_CERTS";
  public static final String K_CE_OVERRIDES = "K_CE_OVERRIDES";

  /** The volume upstream mounts the OIDC token from, at {@code /oidc}. */
  public static final String OIDC_TOKEN_VOLUME = "oidc-token";

  /** The name prefix of the trust bundle volumes upstream adds (eventingtls). */
  public static final String TRUST_BUNDLE_VOLUME_PREFIX = "kne-bundle-";

  private static final Set<String> INJECTED_ENV = Set.of(K_SINK, K_CA_CERTS, K_CE_OVERRIDES);

  private SinkBindingInjection() {}

  /**
   * {@code spec} bound to a resolved sink.
   *
   * @param sinkUri the resolved sink URL, the value of {@code K_SINK}
   * @param caCerts the sink's PEM CA certificates, or null for none (an empty string is still
   *     injected, as upstream injects any non-nil value)
   * @param ceOverrides the binding's {@code ceOverrides}, or null
   */
  public static PodSpec inject(
      PodSpec spec, String sinkUri, String caCerts, CloudEventOverrides ceOverrides) {
    Objects.requireNonNull(sinkUri, "sinkUri");
    PodSpec out = undo(spec);
    String overrides = ceOverridesValue(ceOverrides);
    forEachContainer(
        out,
        c -> {
          List<EnvVar> env = c.getEnv() == null ? new ArrayList<>() : new ArrayList<>(c.getEnv());
          env.add(envVar(K_SINK, sinkUri));
          if (caCerts != null) {
            env.add(envVar(K_CA_CERTS, caCerts));
          }
          env.add(envVar(K_CE_OVERRIDES, overrides));
          c.setEnv(env);
        });
    return out;
  }

  /**
   * {@code template} with its pod spec bound as by {@link #inject(PodSpec, String, String,
   * CloudEventOverrides)}.
   */
  public static PodTemplateSpec inject(
      PodTemplateSpec template, String sinkUri, String caCerts, CloudEventOverrides ceOverrides) {
    PodTemplateSpec out = new PodTemplateSpecBuilder(template).build();
    out.setSpec(inject(specOf(out), sinkUri, caCerts, ceOverrides));
    return out;
  }

  /**
   * {@code spec} with the binding removed: the three variables from every init container and
   * container, and the OIDC token and trust bundle volumes and mounts. Everything else, the user's
   * own env included, is kept in order.
   */
  public static PodSpec undo(PodSpec spec) {
    PodSpec out = new PodSpecBuilder(spec).build();
    forEachContainer(
        out,
        c -> {
          c.setEnv(without(c.getEnv(), e -> INJECTED_ENV.contains(e.getName())));
          c.setVolumeMounts(without(c.getVolumeMounts(), m -> isInjectedVolume(m.getName())));
        });
    out.setVolumes(without(out.getVolumes(), (Volume v) -> isInjectedVolume(v.getName())));
    return out;
  }

  /** {@code template} with its pod spec unbound as by {@link #undo(PodSpec)}. */
  public static PodTemplateSpec undo(PodTemplateSpec template) {
    PodTemplateSpec out = new PodTemplateSpecBuilder(template).build();
    out.setSpec(undo(specOf(out)));
    return out;
  }

  /**
   * The value of {@code K_CE_OVERRIDES}: Go's JSON of the overrides ({@code
   * {"extensions":{"hello":"world"}}}, or {@code {}} when there are no extensions), or the empty
   * string when {@code ceOverrides} is null.
   */
  public static String ceOverridesValue(CloudEventOverrides ceOverrides) {
    return ceOverrides == null ? "" : GoJson.write(ceOverrides);
  }

  /** Applies {@code action} to every init container, then every container, of {@code spec}. */
  private static void forEachContainer(PodSpec spec, Consumer<Container> action) {
    for (List<Container> list :
        List.of(nullSafe(spec.getInitContainers()), nullSafe(spec.getContainers()))) {
      list.forEach(action);
    }
  }

  private static boolean isInjectedVolume(String name) {
    return name != null
        && (name.equals(OIDC_TOKEN_VOLUME) || name.startsWith(TRUST_BUNDLE_VOLUME_PREFIX));
  }

  // Lists that are absent or empty are left as they are, as upstream leaves them.
  private static <T> List<T> without(List<T> list, Predicate<T> injected) {
    if (list == null || list.isEmpty()) {
      return list;
    }
    return new ArrayList<>(list.stream().filter(injected.negate()).toList());
  }

  private static EnvVar envVar(String name, String value) {
    return new EnvVarBuilder().withName(name).withValue(value).build();
  }

  private static PodSpec specOf(PodTemplateSpec template) {
    return template.getSpec() == null ? new PodSpec() : template.getSpec();
  }

  private static <T> List<T> nullSafe(List<T> list) {
    return list == null ? List.of() : list;
  }
}
