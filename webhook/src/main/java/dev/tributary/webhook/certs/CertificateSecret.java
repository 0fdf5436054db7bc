package dev.tributary.webhook.certs;

import io.fabric8.kubernetes.api.model.Secret;
import io.fabric8.kubernetes.api.model.SecretBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientException;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.Base64;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * Keeps the webhook's certificates in its Secret ({@code eventing-webhook-certs}, keys {@code
 * ca-cert.pem}, {@code server-cert.pem}, {@code server-key.pem}), as knative.dev/pkg's certificate
 * reconciler does: what is there is reused while its serving certificate is valid for more than a
 * day; otherwise a new CA and serving certificate replace it. Beyond upstream (which expects the
 * release to have created the Secret), a missing Secret is created.
 *
 * <p>Two replicas racing are safe: a create or update that loses (409) re-reads the Secret and uses
 * the winner's certificates. Blocking (API calls); thread-confined to its caller.
 */
public final class CertificateSecret {

  /** How long before expiry a certificate is replaced: knative.dev/pkg's one day. */
  public static final Duration RENEW_BEFORE = Duration.ofDays(1);

  private final KubernetesClient client;
  private final String namespace;
  private final String secretName;
  private final String service;
  private final Clock clock;

  public CertificateSecret(
      KubernetesClient client, String namespace, String secretName, String service, Clock clock) {
    this.client = Objects.requireNonNull(client, "client");
    this.namespace = Objects.requireNonNull(namespace, "namespace");
    this.secretName = Objects.requireNonNull(secretName, "secretName");
    this.service = Objects.requireNonNull(service, "service");
    this.clock = Objects.requireNonNull(clock, "clock");
  }

  /**
   * The certificates to serve with, creating or renewing them in the Secret when needed.
   *
   * @throws KubernetesClientException when the Secret cannot be read or written
   */
  public ServingCertificate reconcile() {
    for (int attempt = 0; ; attempt++) {
      Secret current = client.secrets().inNamespace(namespace).withName(secretName).get();
      ServingCertificate usable = usable(current);
      if (usable != null) {
        return usable;
      }
      ServingCertificate fresh = CertificateAuthority.create(service, namespace, clock);
      try {
        if (current == null) {
          client
              .secrets()
              .inNamespace(namespace)
              .resource(
                  new SecretBuilder()
                      .withNewMetadata()
                      .withName(secretName)
                      .withNamespace(namespace)
                      .endMetadata()
                      .withData(encode(fresh))
                      .build())
              .create();
        } else {
          Map<String, String> data =
              current.getData() == null ? new HashMap<>() : new HashMap<>(current.getData());
          data.putAll(encode(fresh));
          Secret updated = new SecretBuilder(current).withData(data).build();
          client.secrets().inNamespace(namespace).resource(updated).update();
        }
        return fresh;
      } catch (KubernetesClientException e) {
        if (e.getCode() != 409 || attempt >= 3) {
          throw e;
        }
        // Another replica wrote it first: use theirs.
      }
    }
  }

  private ServingCertificate usable(Secret secret) {
    if (secret == null) {
      return null;
    }
    ServingCertificate material = ServingCertificate.fromSecretData(decode(secret)).orElse(null);
    if (material == null || !material.validAt(clock.instant().plus(RENEW_BEFORE))) {
      return null;
    }
    return material;
  }

  private static Map<String, String> decode(Secret secret) {
    Map<String, String> out = new HashMap<>();
    if (secret.getData() != null) {
      secret
          .getData()
          .forEach(
              (k, v) -> {
                try {
                  out.put(k, new String(Base64.getDecoder().decode(v), StandardCharsets.UTF_8));
                } catch (IllegalArgumentException e) {
                  // not base64: treated as absent, so the certificates are made anew
                }
              });
    }
    if (secret.getStringData() != null) {
      out.putAll(secret.getStringData());
    }
    return out;
  }

  private static Map<String, String> encode(ServingCertificate material) {
    Map<String, String> out = new LinkedHashMap<>();
    material
        .asSecretData()
        .forEach(
            (k, v) ->
                out.put(k, Base64.getEncoder().encodeToString(v.getBytes(StandardCharsets.UTF_8))));
    return out;
  }
}
