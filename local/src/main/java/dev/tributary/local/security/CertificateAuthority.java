package dev.tributary.local.security;

import java.math.BigInteger;
import java.security.GeneralSecurityException;
import java.security.InvalidAlgorithmParameterException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.NoSuchAlgorithmException;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.SecureRandom;
import java.security.Signature;
import java.security.cert.X509Certificate;
import java.security.spec.ECGenParameterSpec;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
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
import org.bouncycastle.cert.jcajce.JcaX509ExtensionUtils;
import org.bouncycastle.cert.jcajce.JcaX509v3CertificateBuilder;
import org.bouncycastle.operator.ContentSigner;
import org.bouncycastle.operator.OperatorCreationException;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;

/**
 * A certificate authority in memory: its certificate and private key, and the BouncyCastle code
 * that creates one and signs serving certificates with it. Keys are EC P-256 (quick to generate,
 * understood by Go, Java, OpenSSL and Python clients). Uses the JDK's own crypto providers; no
 * provider is registered globally.
 *
 * <p>Pure computation apart from the random source; thread-safe.
 */
final class CertificateAuthority {

  /** How far validity starts before "now": tolerates clocks a little behind ours. */
  static final Duration BACKDATE = Duration.ofMinutes(5);

  private static final String SIGNATURE_ALGORITHM = "SHA256withECDSA";

  private final X509Certificate certificate;
  private final PrivateKey privateKey;
  private final SecureRandom random;

  CertificateAuthority(X509Certificate certificate, PrivateKey privateKey, SecureRandom random) {
    this.certificate = certificate;
    this.privateKey = privateKey;
    this.random = random;
  }

  /** A new self-signed CA named {@code commonName}, valid from {@code now} for {@code validity}. */
  static CertificateAuthority create(
      String commonName, Instant now, Duration validity, SecureRandom random) {
    KeyPair keys = newKeyPair(random);
    X500Name name = name(commonName);
    try {
      JcaX509ExtensionUtils extensions = new JcaX509ExtensionUtils();
      X509v3CertificateBuilder builder =
          builder(name, name, keys.getPublic(), now, validity, random)
              .addExtension(Extension.basicConstraints, true, new BasicConstraints(true))
              .addExtension(
                  Extension.keyUsage,
                  true,
                  new KeyUsage(KeyUsage.keyCertSign | KeyUsage.cRLSign | KeyUsage.digitalSignature))
              .addExtension(
                  Extension.subjectKeyIdentifier,
                  false,
                  extensions.createSubjectKeyIdentifier(keys.getPublic()));
      X509Certificate certificate = sign(builder, keys.getPrivate());
      return new CertificateAuthority(certificate, keys.getPrivate(), random);
    } catch (NoSuchAlgorithmException | CertIOException e) {
      throw new IllegalStateException("cannot build a CA certificate", e);
    }
  }

  X509Certificate certificate() {
    return certificate;
  }

  PrivateKey privateKey() {
    return privateKey;
  }

  /**
   * A serving certificate for TLS servers: key usage digitalSignature + keyEncipherment, extended
   * key usage serverAuth, the given names as subject alternative names.
   *
   * @param commonName the subject CN (clients match the SANs, not this)
   * @param dnsNames DNS names for the SAN extension
   * @param ipAddresses IPv4 or IPv6 literals for the SAN extension
   * @throws IllegalArgumentException if both lists are empty or an address is not an IP literal
   */
  ServingCertificate issueServing(
      String commonName,
      List<String> dnsNames,
      List<String> ipAddresses,
      Instant now,
      Duration validity) {
    GeneralNames subjectAltNames = subjectAltNames(dnsNames, ipAddresses);
    KeyPair keys = newKeyPair(random);
    try {
      JcaX509ExtensionUtils extensions = new JcaX509ExtensionUtils();
      X509v3CertificateBuilder builder =
          builder(name(certificate), name(commonName), keys.getPublic(), now, validity, random)
              .addExtension(Extension.basicConstraints, true, new BasicConstraints(false))
              .addExtension(
                  Extension.keyUsage,
                  true,
                  new KeyUsage(KeyUsage.digitalSignature | KeyUsage.keyEncipherment))
              .addExtension(
                  Extension.extendedKeyUsage,
                  false,
                  new ExtendedKeyUsage(KeyPurposeId.id_kp_serverAuth))
              .addExtension(Extension.subjectAlternativeName, false, subjectAltNames)
              .addExtension(
                  Extension.subjectKeyIdentifier,
                  false,
                  extensions.createSubjectKeyIdentifier(keys.getPublic()))
              .addExtension(
                  Extension.authorityKeyIdentifier,
                  false,
                  extensions.createAuthorityKeyIdentifier(certificate));
      X509Certificate leaf = sign(builder, privateKey);
      return new ServingCertificate(leaf, Pem.encode(leaf), Pem.encode(keys.getPrivate()));
    } catch (GeneralSecurityException | CertIOException e) {
      throw new IllegalStateException("cannot build a serving certificate", e);
    }
  }

  /** Whether {@code certificate} carries a valid signature by this CA. */
  boolean signed(X509Certificate candidate) {
    try {
      candidate.verify(certificate.getPublicKey());
      return true;
    } catch (GeneralSecurityException e) {
      return false;
    }
  }

  /** Whether {@code key} is the private half of {@code certificate}'s public key. */
  static boolean keyMatches(X509Certificate certificate, PrivateKey key) {
    byte[] probe = "tributary key check".getBytes(java.nio.charset.StandardCharsets.US_ASCII);
    try {
      Signature signer = Signature.getInstance(SIGNATURE_ALGORITHM);
      signer.initSign(key);
      signer.update(probe);
      byte[] signature = signer.sign();
      Signature verifier = Signature.getInstance(SIGNATURE_ALGORITHM);
      verifier.initVerify(certificate.getPublicKey());
      verifier.update(probe);
      return verifier.verify(signature);
    } catch (GeneralSecurityException e) {
      return false; // e.g. an RSA key next to an EC certificate
    }
  }

  private static GeneralNames subjectAltNames(List<String> dnsNames, List<String> ipAddresses) {
    List<GeneralName> names = new ArrayList<>();
    for (String dns : dnsNames) {
      names.add(new GeneralName(GeneralName.dNSName, dns));
    }
    for (String ip : ipAddresses) {
      // BouncyCastle parses IPv4 and IPv6 literals here and rejects anything else.
      names.add(new GeneralName(GeneralName.iPAddress, ip));
    }
    if (names.isEmpty()) {
      throw new IllegalArgumentException("a serving certificate needs at least one DNS name or IP");
    }
    return new GeneralNames(names.toArray(GeneralName[]::new));
  }

  private static X509v3CertificateBuilder builder(
      X500Name issuer,
      X500Name subject,
      PublicKey publicKey,
      Instant now,
      Duration validity,
      SecureRandom random) {
    // RFC 5280: positive, at most 20 octets; 127 random bits are unique enough.
    BigInteger serial = new BigInteger(127, random).add(BigInteger.ONE);
    return new JcaX509v3CertificateBuilder(
        issuer,
        serial,
        Date.from(now.minus(BACKDATE)),
        Date.from(now.plus(validity)),
        subject,
        publicKey);
  }

  private static X509Certificate sign(X509v3CertificateBuilder builder, PrivateKey signingKey) {
    try {
      ContentSigner signer = new JcaContentSignerBuilder(SIGNATURE_ALGORITHM).build(signingKey);
      return new JcaX509CertificateConverter().getCertificate(builder.build(signer));
    } catch (OperatorCreationException | java.security.cert.CertificateException e) {
      throw new IllegalStateException("cannot sign a certificate", e);
    }
  }

  private static KeyPair newKeyPair(SecureRandom random) {
    try {
      KeyPairGenerator generator = KeyPairGenerator.getInstance("EC");
      generator.initialize(new ECGenParameterSpec("secp256r1"), random);
      return generator.generateKeyPair();
    } catch (NoSuchAlgorithmException | InvalidAlgorithmParameterException e) {
      throw new IllegalStateException("this JDK cannot generate EC P-256 keys", e);
    }
  }

  private static X500Name name(String commonName) {
    return new X500NameBuilder(BCStyle.INSTANCE).addRDN(BCStyle.CN, commonName).build();
  }

  private static X500Name name(X509Certificate certificate) {
    return X500Name.getInstance(certificate.getSubjectX500Principal().getEncoded());
  }
}
