package dev.tributary.webhook;

import dev.tributary.runtime.Env;
import dev.tributary.runtime.EnvException;
import dev.tributary.webhook.certs.WebhookConfigurations;

/**
 * The webhook's configuration, from its env as Knative's eventing-webhook reads it.
 *
 * @param systemNamespace {@code SYSTEM_NAMESPACE} (default {@code knative-eventing}): where the
 *     Secret, the Service and {@code config-ping-defaults} live
 * @param serviceName {@code WEBHOOK_NAME} (default {@code eventing-webhook}): the Service the
 *     certificate is made for and the configurations point at
 * @param port {@code WEBHOOK_PORT} (default 8443); 0 picks a free port (tests; upstream refuses 0)
 * @param secretName {@code WEBHOOK_SECRET_NAME} (default {@code eventing-webhook-certs})
 * @param podName {@code POD_NAME}, for the log; "" when unset
 */
public record WebhookSettings(
    String systemNamespace, String serviceName, int port, String secretName, String podName) {

  public static final String DEFAULT_NAMESPACE = "knative-eventing";
  public static final String DEFAULT_SERVICE = "eventing-webhook";
  public static final int DEFAULT_PORT = 8443;

  /**
   * Reads the settings.
   *
   * @throws EnvException when {@code WEBHOOK_PORT} is not a port
   */
  public static WebhookSettings fromEnv(Env env) {
    long port = env.getInt("WEBHOOK_PORT", DEFAULT_PORT);
    if (port < 0 || port > 65535) {
      throw new EnvException("WEBHOOK_PORT=" + port + " is not a port (0-65535)");
    }
    return new WebhookSettings(
        nonEmpty(env.get("SYSTEM_NAMESPACE"), DEFAULT_NAMESPACE),
        nonEmpty(env.get("WEBHOOK_NAME"), DEFAULT_SERVICE),
        (int) port,
        nonEmpty(env.get("WEBHOOK_SECRET_NAME"), WebhookConfigurations.SECRET_NAME),
        env.get("POD_NAME", ""));
  }

  private static String nonEmpty(String value, String fallback) {
    return value == null || value.isEmpty() ? fallback : value;
  }
}
