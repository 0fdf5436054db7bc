package dev.tributary.local.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.tributary.local.datadir.DataDir;
import dev.tributary.local.datadir.OwnerOnlyFiles;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.cert.CertPathValidator;
import java.security.cert.CertPathValidatorException;
import java.security.cert.CertificateFactory;
import java.security.cert.PKIXParameters;
import java.security.cert.TrustAnchor;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ClusterCertificatesTest {

  private static final Instant START = Instant.parse("2026-01-01T00:00:00Z");
  private static final String SERVER_AUTH = "1.3.6.1.5.5.7.3.1";

  @TempDir Path temp;

  private DataDir dir;
  private final MutableClock clock = new MutableClock(START);

  @BeforeEach
  void openDataDir() throws IOException {
    dir = DataDir.open(temp.resolve("data"));
  }

  @Test
  void firstStartCreatesAPersistentCaAndServingCertificateKeysOwnerOnly() throws IOException {
    ClusterCertificates certs = ClusterCertificates.loadOrCreate(dir, clock);

    assertThat(dir.caCertificate()).exists();
    assertThat(dir.serverCertificate()).exists();
    assertThat(OwnerOnlyFiles.isOwnerOnly(dir.caKey())).isTrue();
    assertThat(OwnerOnlyFiles.isOwnerOnly(dir.serverKey())).isTrue();
    assertThat(Files.readString(dir.caKey())).startsWith("-----BEGIN PRIVATE KEY-----");
    assertThat(Files.readString(dir.caCertificate()))
        .startsWith("-----BEGIN CERTIFICATE-----")
        .isEqualTo(new String(certs.caCertificatePem(), StandardCharsets.US_ASCII));
    assertThat(Files.readString(dir.serverCertificate()))
        .isEqualTo(certs.apiServer().certificatePem());
    assertThat(Files.readString(dir.serverKey())).isEqualTo(certs.apiServer().privateKeyPem());
  }

  @Test
  void theCaIsASelfSignedTenYearAuthority() throws Exception {
    X509Certificate ca = ClusterCertificates.loadOrCreate(dir, clock).caCertificate();

    assertThat(ca.getBasicConstraints()).isGreaterThanOrEqualTo(0); // a CA
    assertThat(ca.getSubjectX500Principal()).isEqualTo(ca.getIssuerX500Principal());
    ca.verify(ca.getPublicKey());
    assertThat(ca.getKeyUsage()[5]).as("keyCertSign").isTrue();
    assertThat(ca.getNotAfter().toInstant()).isEqualTo(START.plus(Duration.ofDays(3650)));
    assertThat(ca.getNotBefore().toInstant()).isBeforeOrEqualTo(START);
  }

  @Test
  void theApiServerCertificateIsAOneYearServerAuthLeafForLoopbackAndInClusterNames()
      throws Exception {
    ClusterCertificates certs = ClusterCertificates.loadOrCreate(dir, clock);
    X509Certificate leaf = certs.apiServer().certificate();

    assertThat(leaf.getBasicConstraints()).isEqualTo(-1); // not a CA
    boolean[] keyUsage = leaf.getKeyUsage();
    assertThat(keyUsage[0]).as("digitalSignature").isTrue();
    assertThat(keyUsage[2]).as("keyEncipherment").isTrue();
    assertThat(keyUsage[5]).as("keyCertSign").isFalse();
    assertThat(leaf.getExtendedKeyUsage()).containsExactly(SERVER_AUTH);
    assertThat(ClusterCertificates.subjectAltNames(leaf))
        .containsExactlyInAnyOrder(
            "localhost",
            "kubernetes",
            "kubernetes.default",
            "kubernetes.default.svc",
            "kubernetes.default.svc.cluster.local",
            "127.0.0.1",
            "0:0:0:0:0:0:0:1");
    assertThat(certs.apiServer().notAfter()).isEqualTo(START.plus(Duration.ofDays(365)));
    assertChainsTo(leaf, certs.caCertificate(), START.plusSeconds(60));
  }

  @Test
  void aLaterStartReusesEverything() throws IOException {
    ClusterCertificates first = ClusterCertificates.loadOrCreate(dir, clock);
    clock.advance(Duration.ofDays(200));

    ClusterCertificates second = ClusterCertificates.loadOrCreate(dir, clock);

    assertThat(second.caCertificatePem()).isEqualTo(first.caCertificatePem());
    assertThat(second.apiServer()).isEqualTo(first.apiServer());
  }

  @Test
  void aServingCertificateWithin30DaysOfExpiryIsReissuedButNeverTheCa() throws Exception {
    ClusterCertificates first = ClusterCertificates.loadOrCreate(dir, clock);
    clock.advance(Duration.ofDays(340)); // 25 days left

    ClusterCertificates second = ClusterCertificates.loadOrCreate(dir, clock);

    assertThat(second.caCertificatePem()).isEqualTo(first.caCertificatePem());
    assertThat(second.apiServer().certificatePem())
        .isNotEqualTo(first.apiServer().certificatePem());
    assertThat(second.apiServer().notAfter()).isEqualTo(clock.instant().plus(Duration.ofDays(365)));
    assertThat(Files.readString(dir.serverCertificate()))
        .isEqualTo(second.apiServer().certificatePem());
    assertChainsTo(second.apiServer().certificate(), second.caCertificate(), clock.instant());
  }

  @Test
  void aMissingServingKeyIsReissued() throws IOException {
    ClusterCertificates first = ClusterCertificates.loadOrCreate(dir, clock);
    Files.delete(dir.serverKey());

    ClusterCertificates second = ClusterCertificates.loadOrCreate(dir, clock);

    assertThat(second.apiServer().certificatePem())
        .isNotEqualTo(first.apiServer().certificatePem());
    assertThat(dir.serverKey()).exists();
  }

  @Test
  void aServingKeyThatDoesNotMatchItsCertificateIsReissued() throws IOException {
    ClusterCertificates first = ClusterCertificates.loadOrCreate(dir, clock);
    Files.writeString(
        dir.serverKey(), first.issueServingCert(List.of("other"), List.of()).privateKeyPem());

    ClusterCertificates second = ClusterCertificates.loadOrCreate(dir, clock);

    assertThat(
            CertificateAuthority.keyMatches(
                second.apiServer().certificate(),
                Pem.decodePrivateKey(second.apiServer().privateKeyPem())))
        .isTrue();
    assertThat(second.apiServer().certificatePem())
        .isNotEqualTo(first.apiServer().certificatePem());
  }

  @Test
  void aMissingCaKeyIsAnErrorNotANewCa() throws IOException {
    ClusterCertificates.loadOrCreate(dir, clock);
    String caBefore = Files.readString(dir.caCertificate());
    Files.delete(dir.caKey());

    assertThatThrownBy(() -> ClusterCertificates.loadOrCreate(dir, clock))
        .isInstanceOf(IOException.class)
        .hasMessageContaining("ca.key is missing")
        .hasMessageContaining("delete ca.crt, ca.key, server.crt and server.key");
    assertThat(Files.readString(dir.caCertificate())).isEqualTo(caBefore);
  }

  @Test
  void deletingTheCaFilesStartsOverWithANewCaAndServingCertificate() throws Exception {
    ClusterCertificates first = ClusterCertificates.loadOrCreate(dir, clock);
    Files.delete(dir.caCertificate());
    Files.delete(dir.caKey());

    ClusterCertificates second = ClusterCertificates.loadOrCreate(dir, clock);

    assertThat(second.caCertificatePem()).isNotEqualTo(first.caCertificatePem());
    assertThat(second.caCertificate().getPublicKey())
        .isNotEqualTo(first.caCertificate().getPublicKey());
    // The old serving certificate is not signed by the new CA, so it was replaced.
    assertChainsTo(second.apiServer().certificate(), second.caCertificate(), START);
  }

  @Test
  void issuesServingCertificatesForOtherServersOnDemand() throws Exception {
    ClusterCertificates certs = ClusterCertificates.loadOrCreate(dir, clock);
    clock.advance(Duration.ofDays(10));

    ServingCertificate webhook =
        certs.issueServingCert(
            List.of("webhook.knative-eventing.svc", "localhost"), List.of("127.0.0.5"));

    assertThat(ClusterCertificates.subjectAltNames(webhook.certificate()))
        .isEqualTo(Set.of("webhook.knative-eventing.svc", "localhost", "127.0.0.5"));
    assertThat(webhook.certificate().getExtendedKeyUsage()).containsExactly(SERVER_AUTH);
    assertThat(webhook.notAfter()).isEqualTo(clock.instant().plus(Duration.ofDays(365)));
    assertChainsTo(webhook.certificate(), certs.caCertificate(), clock.instant());
    assertThat(
            CertificateAuthority.keyMatches(
                webhook.certificate(), Pem.decodePrivateKey(webhook.privateKeyPem())))
        .isTrue();
    assertThat(webhook.toString()).doesNotContain("PRIVATE KEY");
  }

  @Test
  void refusesServingCertificatesWithoutNamesOrWithABadAddress() throws IOException {
    ClusterCertificates certs = ClusterCertificates.loadOrCreate(dir, clock);

    assertThatThrownBy(() -> certs.issueServingCert(List.of(), List.of()))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> certs.issueServingCert(List.of(), List.of("not-an-ip")))
        .isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void aCertificateFromAnotherCaDoesNotChainToOurs() throws Exception {
    ClusterCertificates ours = ClusterCertificates.loadOrCreate(dir, clock);
    ClusterCertificates theirs =
        ClusterCertificates.loadOrCreate(DataDir.open(temp.resolve("other")), clock);

    assertThatThrownBy(
            () -> assertChainsTo(theirs.apiServer().certificate(), ours.caCertificate(), START))
        .isInstanceOf(CertPathValidatorException.class);
  }

  /** PKIX path validation, as a TLS client does it (revocation aside). */
  private static void assertChainsTo(X509Certificate leaf, X509Certificate ca, Instant at)
      throws GeneralSecurityException {
    PKIXParameters parameters = new PKIXParameters(Set.of(new TrustAnchor(ca, null)));
    parameters.setRevocationEnabled(false);
    parameters.setDate(Date.from(at));
    CertPathValidator.getInstance("PKIX")
        .validate(
            CertificateFactory.getInstance("X.509").generateCertPath(List.of(leaf)), parameters);
  }
}
