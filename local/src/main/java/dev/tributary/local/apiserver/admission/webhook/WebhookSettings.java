package dev.tributary.local.apiserver.admission.webhook;

import java.util.Objects;

/**
 * How the API server calls admission webhooks.
 *
 * @param serviceResolver where {@code clientConfig.service} webhooks are reached
 */
public record WebhookSettings(ServiceResolver serviceResolver) {

  public WebhookSettings {
    Objects.requireNonNull(serviceResolver, "serviceResolver");
  }

  /** Services resolve to nothing ({@link ServiceResolver#none()}): only {@code url} works. */
  public static WebhookSettings defaults() {
    return new WebhookSettings(ServiceResolver.none());
  }
}
