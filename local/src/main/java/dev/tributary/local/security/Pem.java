package dev.tributary.local.security;

import java.io.IOException;
import java.io.StringReader;
import java.io.StringWriter;
import java.security.PrivateKey;
import java.security.cert.CertificateException;
import java.security.cert.X509Certificate;
import org.bouncycastle.asn1.pkcs.PrivateKeyInfo;
import org.bouncycastle.cert.X509CertificateHolder;
import org.bouncycastle.cert.jcajce.JcaX509CertificateConverter;
import org.bouncycastle.openssl.PEMKeyPair;
import org.bouncycastle.openssl.PEMParser;
import org.bouncycastle.openssl.jcajce.JcaPEMKeyConverter;
import org.bouncycastle.openssl.jcajce.JcaPEMWriter;
import org.bouncycastle.openssl.jcajce.JcaPKCS8Generator;

/**
 * PEM encoding of certificates and private keys. Keys are written as PKCS#8 ({@code BEGIN PRIVATE
 * KEY}), the form Vert.x, Go, OpenSSL and Python all read; on reading, the SEC1 form ({@code BEGIN
 * EC PRIVATE KEY}) that OpenSSL writes is accepted too. Stateless.
 */
final class Pem {

  private Pem() {}

  static String encode(X509Certificate certificate) {
    return write(certificate);
  }

  static String encode(PrivateKey key) {
    try {
      return write(new JcaPKCS8Generator(key, null));
    } catch (org.bouncycastle.util.io.pem.PemGenerationException e) {
      throw new IllegalStateException(
          "cannot encode a " + key.getAlgorithm() + " key as PKCS#8", e);
    }
  }

  /** The first certificate in {@code pem}. */
  static X509Certificate decodeCertificate(String pem) throws IOException {
    Object object = readFirst(pem);
    if (!(object instanceof X509CertificateHolder holder)) {
      throw new IOException("no PEM CERTIFICATE block found");
    }
    try {
      return new JcaX509CertificateConverter().getCertificate(holder);
    } catch (CertificateException e) {
      throw new IOException("unreadable certificate: " + e.getMessage(), e);
    }
  }

  /** The first private key in {@code pem}. */
  static PrivateKey decodePrivateKey(String pem) throws IOException {
    Object object = readFirst(pem);
    JcaPEMKeyConverter converter = new JcaPEMKeyConverter();
    if (object instanceof PrivateKeyInfo info) {
      return converter.getPrivateKey(info);
    }
    if (object instanceof PEMKeyPair pair) {
      return converter.getKeyPair(pair).getPrivate();
    }
    // Never echo the content: it is a secret.
    throw new IOException("no PEM PRIVATE KEY block found");
  }

  private static Object readFirst(String pem) throws IOException {
    try (PEMParser parser = new PEMParser(new StringReader(pem))) {
      return parser.readObject();
    }
  }

  private static String write(Object object) {
    StringWriter out = new StringWriter();
    try (JcaPEMWriter writer = new JcaPEMWriter(out)) {
      writer.writeObject(object);
    } catch (IOException e) {
      throw new IllegalStateException("writing PEM to memory failed", e);
    }
    return out.toString();
  }
}
