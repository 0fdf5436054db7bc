package dev.tributary.local.security;

import io.vertx.core.net.KeyCertOptions;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.security.cert.X509Certificate;
import java.time.Instant;
import java.util.Objects;

/**
 * A TLS serving certificate signed by the cluster CA, with its private key, both PEM.
 *
 * @param certificate the parsed leaf certificate
 * @param certificatePem the leaf certificate, PEM
 * @param privateKeyPem its private key, PEM (PKCS#8); a secret, left out of {@link #toString()}
 */
public record ServingCertificate(
    X509Certificate certificate, String certificatePem, String privateKeyPem) {

  public ServingCertificate {
    Objects.requireNonNull(certificate, "certificate");
    Objects.requireNonNull(certificatePem, "certificatePem");
    Objects.requireNonNull(privateKeyPem, "privateKeyPem");
  }

  /** When the certificate stops being valid. */
  public Instant notAfter() {
    return certificate.getNotAfter().toInstant();
  }

  /**
   * The certificate and key as Vert.x server options ({@code HttpServerOptions.setKeyCertOptions}).
   * A new, independent options object on every call, serving the key as it is in memory (see {@link
   * ServingKeyManager} for why not {@code PemKeyCertOptions}).
   *
   * @throws UncheckedIOException if the private key PEM cannot be read
   */
  public KeyCertOptions keyCertOptions() {
    try {
      return KeyCertOptions.wrap(
          new ServingKeyManager(Pem.decodePrivateKey(privateKeyPem), certificate));
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read the serving certificate's private key", e);
    }
  }

  @Override
  public String toString() {
    return "ServingCertificate[subject="
        + certificate.getSubjectX500Principal().getName()
        + ", notAfter="
        + notAfter()
        + "]";
  }
}
