package dev.tributary.webhook.certs;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.security.cert.CertificateException;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.time.Instant;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * The webhook's TLS material, as knative.dev/pkg keeps it in the webhook's Secret: a self-signed
 * CA's certificate (what API servers trust, the {@code caBundle}), and a serving certificate for
 * the webhook's Service signed by it, with its private key. All PEM.
 *
 * @param caCertPem the CA certificate ({@value #CA_CERT})
 * @param serverCertPem the serving certificate ({@value #SERVER_CERT})
 * @param serverKeyPem the serving key, PKCS#8 ({@value #SERVER_KEY})
 */
public record ServingCertificate(String caCertPem, String serverCertPem, String serverKeyPem) {

  /** The Secret key of the serving key (knative.dev/pkg's {@code ServerKey}). */
  public static final String SERVER_KEY = "server-key.pem";

  /** The Secret key of the serving certificate (knative.dev/pkg's {@code ServerCert}). */
  public static final String SERVER_CERT = "server-cert.pem";

  /** The Secret key of the CA certificate (knative.dev/pkg's {@code CACert}). */
  public static final String CA_CERT = "ca-cert.pem";

  public ServingCertificate {
    Objects.requireNonNull(caCertPem, "caCertPem");
    Objects.requireNonNull(serverCertPem, "serverCertPem");
    Objects.requireNonNull(serverKeyPem, "serverKeyPem");
  }

  /**
   * The material in a Secret's (decoded) data, if all three keys are there and the serving
   * certificate parses.
   */
  public static Optional<ServingCertificate> fromSecretData(Map<String, String> decoded) {
    if (decoded == null) {
      return Optional.empty();
    }
    String ca = decoded.get(CA_CERT);
    String cert = decoded.get(SERVER_CERT);
    String key = decoded.get(SERVER_KEY);
    if (ca == null || cert == null || key == null) {
      return Optional.empty();
    }
    ServingCertificate material = new ServingCertificate(ca, cert, key);
    try {
      material.serverCertificate();
      parse(ca);
    } catch (CertificateException e) {
      return Optional.empty();
    }
    return Optional.of(material);
  }

  /** The three entries, PEM text, keyed as in the Secret. */
  public Map<String, String> asSecretData() {
    return Map.of(CA_CERT, caCertPem, SERVER_CERT, serverCertPem, SERVER_KEY, serverKeyPem);
  }

  /** The parsed serving certificate. */
  public X509Certificate serverCertificate() throws CertificateException {
    return parse(serverCertPem);
  }

  /**
   * True when the serving certificate is still valid at {@code now + margin}: knative.dev/pkg
   * renews a certificate one day before it expires.
   */
  public boolean validAt(Instant when) {
    try {
      X509Certificate certificate = serverCertificate();
      return when.isBefore(certificate.getNotAfter().toInstant())
          && !when.isBefore(certificate.getNotBefore().toInstant().minusSeconds(300));
    } catch (CertificateException e) {
      return false;
    }
  }

  private static X509Certificate parse(String pem) throws CertificateException {
    return (X509Certificate)
        CertificateFactory.getInstance("X.509")
            .generateCertificate(new ByteArrayInputStream(pem.getBytes(StandardCharsets.US_ASCII)));
  }
}
