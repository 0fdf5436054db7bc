package dev.tributary.webhook.certs;

import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.math.BigInteger;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.PrivateKey;
import java.security.SecureRandom;
import java.security.cert.X509Certificate;
import java.security.spec.ECGenParameterSpec;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.List;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x500.X500NameBuilder;
import org.bouncycastle.asn1.x500.style.BCStyle;
import org.bouncycastle.asn1.x509.BasicConstraints;
import org.bouncycastle.asn1.x509.ExtendedKeyUsage;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.asn1.x509.GeneralName;
import org.bouncycastle.asn1.x509.GeneralNames;
import org.bouncycastle.asn1.x509.KeyPurposeId;
import org.bouncycastle.asn1.x509.KeyUsage;
import org.bouncycastle.cert.CertIOException;
import org.bouncycastle.cert.X509v3CertificateBuilder;
import org.bouncycastle.cert.jcajce.JcaX509CertificateConverter;
import org.bouncycastle.cert.jcajce.JcaX509v3CertificateBuilder;
import org.bouncycastle.openssl.jcajce.JcaPEMWriter;
import org.bouncycastle.operator.ContentSigner;
import org.bouncycastle.operator.OperatorCreationException;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;
import org.bouncycastle.util.io.pem.PemObject;

/**
 * Makes a webhook's certificates as knative.dev/pkg's {@code certificates/resources} does: a fresh
 * self-signed ECDSA P-256 CA, and a serving certificate signed by it, both for the Service's names
 * ({@code name}, {@code name.ns}, {@code name.ns.svc}, {@code name.ns.svc.cluster.local}; common
 * name {@code name.ns.svc}, organization {@code knative.dev}), valid for one week from the clock's
 * now. Stateless; thread-safe.
 */
public final class CertificateAuthority {

  /** How long new certificates are valid: knative.dev/pkg's one week. */
  public static final Duration VALIDITY = Duration.ofDays(7);

  private static final SecureRandom RANDOM = new SecureRandom();

  private CertificateAuthority() {}

  /** A new CA and serving certificate for Service {@code namespace/service}. */
  public static ServingCertificate create(String service, String namespace, Clock clock) {
    try {
      Instant now = clock.instant();
      Instant notAfter = now.plus(VALIDITY);
      KeyPair caKeys = newKeyPair();
      X500Name subject = subject(service, namespace);
      X509Certificate ca =
          sign(
              certificate(subject, subject, caKeys, service, namespace, now, notAfter, true),
              caKeys.getPrivate());
      KeyPair serverKeys = newKeyPair();
      X509Certificate server =
          sign(
              certificate(subject, subject, serverKeys, service, namespace, now, notAfter, false),
              caKeys.getPrivate());
      return new ServingCertificate(
          pem(ca),
          pem(server),
          pem(new PemObject("PRIVATE KEY", serverKeys.getPrivate().getEncoded())));
    } catch (GeneralSecurityException | OperatorCreationException | CertIOException e) {
      throw new IllegalStateException("cannot create webhook certificates: " + e.getMessage(), e);
    }
  }

  private static X500Name subject(String service, String namespace) {
    return new X500NameBuilder(BCStyle.INSTANCE)
        .addRDN(BCStyle.O, "knative.dev")
        .addRDN(BCStyle.CN, service + "." + namespace + ".svc")
        .build();
  }

  private static X509v3CertificateBuilder certificate(
      X500Name issuer,
      X500Name subject,
      KeyPair keys,
      String service,
      String namespace,
      Instant notBefore,
      Instant notAfter,
      boolean isCa)
      throws CertIOException {
    X509v3CertificateBuilder builder =
        new JcaX509v3CertificateBuilder(
            issuer,
            new BigInteger(128, RANDOM),
            Date.from(notBefore),
            Date.from(notAfter),
            subject,
            keys.getPublic());
    List<String> names =
        List.of(
            service,
            service + "." + namespace,
            service + "." + namespace + ".svc",
            service + "." + namespace + ".svc.cluster.local");
    GeneralName[] dns =
        names.stream()
            .map(n -> new GeneralName(GeneralName.dNSName, n))
            .toArray(GeneralName[]::new);
    builder.addExtension(Extension.subjectAlternativeName, false, new GeneralNames(dns));
    builder.addExtension(Extension.basicConstraints, true, new BasicConstraints(isCa));
    if (isCa) {
      builder.addExtension(
          Extension.keyUsage, true, new KeyUsage(KeyUsage.keyCertSign | KeyUsage.digitalSignature));
      builder.addExtension(
          Extension.extendedKeyUsage,
          false,
          new ExtendedKeyUsage(
              new KeyPurposeId[] {KeyPurposeId.id_kp_serverAuth, KeyPurposeId.id_kp_clientAuth}));
    } else {
      builder.addExtension(Extension.keyUsage, true, new KeyUsage(KeyUsage.digitalSignature));
      builder.addExtension(
          Extension.extendedKeyUsage, false, new ExtendedKeyUsage(KeyPurposeId.id_kp_serverAuth));
    }
    return builder;
  }

  private static X509Certificate sign(X509v3CertificateBuilder builder, PrivateKey signer)
      throws OperatorCreationException, GeneralSecurityException {
    ContentSigner contentSigner = new JcaContentSignerBuilder("SHA256withECDSA").build(signer);
    return new JcaX509CertificateConverter().getCertificate(builder.build(contentSigner));
  }

  private static KeyPair newKeyPair() throws GeneralSecurityException {
    KeyPairGenerator generator = KeyPairGenerator.getInstance("EC");
    generator.initialize(new ECGenParameterSpec("secp256r1"), RANDOM);
    return generator.generateKeyPair();
  }

  private static String pem(Object object) {
    StringWriter out = new StringWriter();
    try (JcaPEMWriter writer = new JcaPEMWriter(out)) {
      writer.writeObject(object);
    } catch (IOException e) {
      throw new UncheckedIOException(e); // a StringWriter does not fail
    }
    return out.toString();
  }
}
