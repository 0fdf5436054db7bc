package dev.tributary.webhook.certs;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.security.KeyFactory;
import java.security.PrivateKey;
import java.security.Signature;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.security.spec.PKCS8EncodedKeySpec;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Base64;
import java.util.List;
import org.junit.jupiter.api.Test;

class CertificateAuthorityTest {
  private static final Instant NOW = Instant.parse("2026-11-29T12:00:00Z");
  private final ServingCertificate material =
      CertificateAuthority.create(
          "eventing-webhook", "knative-eventing", Clock.fixed(NOW, ZoneOffset.UTC));

  @Test
  void signsAServingCertificateForTheServiceNamesWithItsOwnCa() throws Exception {
    X509Certificate ca = parse(material.caCertPem());
    X509Certificate server = material.serverCertificate();

    server.verify(ca.getPublicKey());
    ca.verify(ca.getPublicKey());
    assertThat(ca.getBasicConstraints()).isGreaterThanOrEqualTo(0);
    assertThat(server.getBasicConstraints()).isEqualTo(-1);
    assertThat(server.getExtendedKeyUsage()).containsExactly("1.3.6.1.5.5.7.3.1");
    assertThat(server.getSubjectAlternativeNames().stream().map(n -> String.valueOf(n.get(1))))
        .containsExactly(
            "eventing-webhook",
            "eventing-webhook.knative-eventing",
            "eventing-webhook.knative-eventing.svc",
            "eventing-webhook.knative-eventing.svc.cluster.local");
    assertThat(server.getSubjectX500Principal().getName())
        .isEqualTo("CN=eventing-webhook.knative-eventing.svc,O=knative.dev");
    assertThat(server.getNotAfter().toInstant()).isEqualTo(NOW.plus(Duration.ofDays(7)));
  }

  @Test
  void theKeyIsTheServingCertificatesPkcs8Key() throws Exception {
    String body =
        material
            .serverKeyPem()
            .replace("-----BEGIN PRIVATE KEY-----", "")
            .replace("-----END PRIVATE KEY-----", "")
            .replaceAll("\\s", "");
    PrivateKey key =
        KeyFactory.getInstance("EC")
            .generatePrivate(new PKCS8EncodedKeySpec(Base64.getDecoder().decode(body)));
    Signature signer = Signature.getInstance("SHA256withECDSA");
    signer.initSign(key);
    signer.update(new byte[] {1, 2, 3});
    byte[] signature = signer.sign();
    Signature verifier = Signature.getInstance("SHA256withECDSA");
    verifier.initVerify(material.serverCertificate().getPublicKey());
    verifier.update(new byte[] {1, 2, 3});
    assertThat(verifier.verify(signature)).isTrue();
  }

  @Test
  void isUsableUntilItExpiresAndReadsBackFromSecretData() {
    assertThat(material.validAt(NOW.plus(Duration.ofDays(5)))).isTrue();
    assertThat(material.validAt(NOW.plus(Duration.ofDays(7)))).isFalse();
    assertThat(ServingCertificate.fromSecretData(material.asSecretData())).contains(material);
    assertThat(
            ServingCertificate.fromSecretData(
                java.util.Map.of(
                    ServingCertificate.CA_CERT, material.caCertPem(),
                    ServingCertificate.SERVER_CERT, "garbage",
                    ServingCertificate.SERVER_KEY, material.serverKeyPem())))
        .isEmpty();
    assertThat(ServingCertificate.fromSecretData(java.util.Map.of())).isEmpty();
    assertThat(List.of(material.caCertPem(), material.serverCertPem()))
        .allSatisfy(pem -> assertThat(pem).startsWith("-----BEGIN CERTIFICATE-----"));
  }

  private static X509Certificate parse(String pem) throws Exception {
    return (X509Certificate)
        CertificateFactory.getInstance("X.509")
            .generateCertificate(new ByteArrayInputStream(pem.getBytes(StandardCharsets.US_ASCII)));
  }
}
