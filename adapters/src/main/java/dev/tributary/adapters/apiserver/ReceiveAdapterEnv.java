package dev.tributary.adapters.apiserver;

import dev.tributary.api.duck.CloudEventOverrides;
import dev.tributary.api.sources.apiserver.ApiServerSourceConfig;
import dev.tributary.delivery.CeOverridesApplier;
import dev.tributary.runtime.Env;
import dev.tributary.runtime.EnvException;
import java.net.URI;
import java.net.URISyntaxException;

/**
 * What the receive adapter reads from its environment, as upstream's {@code envConfig} (the
 * adapter's {@code EnvConfig} plus {@code NAME} and {@code K_SOURCE_CONFIG}).
 *
 * @param sink {@code K_SINK}, an absolute http(s) URL
 * @param config {@code K_SOURCE_CONFIG}
 * @param namespace {@code NAMESPACE}: the adapter's (and its source's) namespace; sent as {@code
 *     Kn-Namespace} and where the checkpoint ConfigMap lives
 * @param name {@code NAME}: the source's name
 * @param ceOverrides {@code K_CE_OVERRIDES}, {@link CloudEventOverrides#NONE} when unset
 * @param caCerts {@code K_CA_CERTS}, PEM; "" when unset
 * @param systemNamespace {@code SYSTEM_NAMESPACE}; "" when unset (read for completeness, unused)
 */
public record ReceiveAdapterEnv(
    URI sink,
    ApiServerSourceConfig config,
    String namespace,
    String name,
    CloudEventOverrides ceOverrides,
    String caCerts,
    String systemNamespace) {

  /** The env variable with the sink URL. */
  public static final String K_SINK = "K_SINK";

  /** The env variable with the PEM CA bundle for an https sink. */
  public static final String K_CA_CERTS = "K_CA_CERTS";

  /**
   * Reads the environment.
   *
   * @throws EnvException with envconfig's {@code required key X missing value} for a missing {@code
   *     K_SINK}, {@code NAMESPACE}, {@code NAME} or {@code K_SOURCE_CONFIG}, or naming the variable
   *     whose value does not parse
   */
  public static ReceiveAdapterEnv read(Env env) {
    String sinkText = env.require(K_SINK);
    URI sink;
    try {
      sink = new URI(sinkText);
    } catch (URISyntaxException e) {
      throw new EnvException(K_SINK + ": " + e.getMessage());
    }
    if (!sink.isAbsolute() || sink.getHost() == null) {
      throw new EnvException(K_SINK + ": not an absolute URL: " + sinkText);
    }
    String namespace = env.require("NAMESPACE");
    String name = env.require("NAME");
    ApiServerSourceConfig config;
    try {
      config = ApiServerSourceConfig.fromJson(env.require(ApiServerSourceConfig.ENV));
    } catch (IllegalArgumentException e) {
      if (e instanceof EnvException) {
        throw e;
      }
      throw new EnvException(e.getMessage());
    }
    CloudEventOverrides overrides;
    try {
      overrides = CeOverridesApplier.parseEnv(env.get(CeOverridesApplier.ENV));
    } catch (IllegalArgumentException e) {
      throw new EnvException(e.getMessage());
    }
    return new ReceiveAdapterEnv(
        sink,
        config,
        namespace,
        name,
        overrides,
        env.get(K_CA_CERTS, ""),
        env.get("SYSTEM_NAMESPACE", ""));
  }

  /** The source's {@code namespace/name}, the key every log line carries. */
  public String key() {
    return namespace + "/" + name;
  }
}
