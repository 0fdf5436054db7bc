package dev.tributary.local.apiserver.admission.webhook;

import java.io.ByteArrayInputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.cert.Certificate;
import java.security.cert.CertificateException;
import java.security.cert.CertificateFactory;
import java.security.cert.CertificateParsingException;
import java.security.cert.X509Certificate;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLEngine;
import javax.net.ssl.TrustManager;
import javax.net.ssl.TrustManagerFactory;
import javax.net.ssl.X509ExtendedTrustManager;

/** The TLS trust a webhook call uses: its caBundle, or the JVM's trust store when it has none. */
final class WebhookTls {

  private WebhookTls() {}

  /**
   * A context trusting {@code caBundle}'s certificates (PEM; empty for the JVM's defaults).
   *
   * @param serverName the name the certificate must carry when it differs from the host connected
   *     to (a resolved Service: {@code name.namespace.svc}), or null to check the connected host
   * @throws GeneralSecurityException if the bundle holds no usable certificate
   */
  static SSLContext context(String caBundle, String serverName) throws GeneralSecurityException {
    KeyStore trust = null;
    if (!caBundle.isBlank()) {
      Collection<? extends Certificate> certificates =
          CertificateFactory.getInstance("X.509")
              .generateCertificates(
                  new ByteArrayInputStream(caBundle.getBytes(StandardCharsets.UTF_8)));
      if (certificates.isEmpty()) {
        throw new CertificateException("caBundle holds no certificate");
      }
      trust = KeyStore.getInstance(KeyStore.getDefaultType());
      try {
        trust.load(null, null);
      } catch (java.io.IOException e) {
        throw new GeneralSecurityException(e);
      }
      int index = 0;
      for (Certificate certificate : certificates) {
        trust.setCertificateEntry("ca-" + index++, certificate);
      }
    }
    TrustManagerFactory factory =
        TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
    factory.init(trust);
    X509ExtendedTrustManager delegate = null;
    for (TrustManager manager : factory.getTrustManagers()) {
      if (manager instanceof X509ExtendedTrustManager extended) {
        delegate = extended;
      }
    }
    if (delegate == null) {
      throw new GeneralSecurityException("no X509 trust manager");
    }
    SSLContext context = SSLContext.getInstance("TLS");
    context.init(
        null,
        new TrustManager[] {serverName == null ? delegate : new NamedServer(delegate, serverName)},
        null);
    return context;
  }

  /**
   * Verifies the chain with the delegate and the server's name against a fixed name instead of the
   * host connected to.
   */
  private static final class NamedServer extends X509ExtendedTrustManager {
    private final X509ExtendedTrustManager delegate;
    private final String serverName;

    NamedServer(X509ExtendedTrustManager delegate, String serverName) {
      this.delegate = delegate;
      this.serverName = serverName.toLowerCase(Locale.ROOT);
    }

    @Override
    public void checkServerTrusted(X509Certificate[] chain, String authType, SSLEngine engine)
        throws CertificateException {
      checkServerTrusted(chain, authType);
    }

    @Override
    public void checkServerTrusted(X509Certificate[] chain, String authType, Socket socket)
        throws CertificateException {
      checkServerTrusted(chain, authType);
    }

    @Override
    public void checkServerTrusted(X509Certificate[] chain, String authType)
        throws CertificateException {
      delegate.checkServerTrusted(chain, authType); // chain only, no host check
      if (!namesServer(chain[0])) {
        throw new CertificateException("x509: certificate is not valid for " + serverName);
      }
    }

    private boolean namesServer(X509Certificate certificate) throws CertificateParsingException {
      Collection<List<?>> names = certificate.getSubjectAlternativeNames();
      if (names == null) {
        return false;
      }
      for (List<?> name : names) {
        if (Integer.valueOf(2).equals(name.get(0))) { // dNSName
          String dns = String.valueOf(name.get(1)).toLowerCase(Locale.ROOT);
          if (dns.equals(serverName)
              || (dns.startsWith("*.")
                  && serverName.indexOf('.') > 0
                  && serverName.substring(serverName.indexOf('.')).equals(dns.substring(1)))) {
            return true;
          }
        }
      }
      return false;
    }

    @Override
    public void checkClientTrusted(X509Certificate[] chain, String authType, SSLEngine engine)
        throws CertificateException {
      throw new CertificateException("not a server");
    }

    @Override
    public void checkClientTrusted(X509Certificate[] chain, String authType, Socket socket)
        throws CertificateException {
      throw new CertificateException("not a server");
    }

    @Override
    public void checkClientTrusted(X509Certificate[] chain, String authType)
        throws CertificateException {
      throw new CertificateException("not a server");
    }

    @Override
    public X509Certificate[] getAcceptedIssuers() {
      return delegate.getAcceptedIssuers();
    }
  }
}
