package dev.tributary.local.security;

import dev.tributary.local.datadir.DataDir;
import dev.tributary.local.datadir.OwnerOnlyFiles;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.net.PemTrustOptions;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.PrivateKey;
import java.security.SecureRandom;
import java.security.cert.CertificateParsingException;
import java.security.cert.X509Certificate;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.bouncycastle.asn1.x509.GeneralName;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The local cluster's TLS material: a CA made at first start and kept for good, the API server's
 * serving certificate signed by it, and serving certificates for other local HTTPS servers (the
 * admission webhook) on demand.
 *
 * <p>Files in the data directory: {@code ca.crt}, {@code ca.key}, {@code server.crt}, {@code
 * server.key}, all PEM, the keys owner-only. On a later start the CA is reused as it is (every
 * kubeconfig handed out trusts it); the serving certificate is reissued only when it is missing,
 * unreadable, not signed by the CA, not matching its key, lacking one of {@link
 * #API_SERVER_DNS_NAMES}/{@link #API_SERVER_IPS}, or expiring within {@link #RENEW_BEFORE}.
 *
 * <p>{@link #loadOrCreate} blocks on disk I/O and key generation; the accessors do not. Thread-safe
 * after construction.
 */
public final class ClusterCertificates {

  private static final Logger log = LoggerFactory.getLogger(ClusterCertificates.class);

  /** The CA's lifetime. */
  public static final Duration CA_VALIDITY = Duration.ofDays(3650);

  /** A serving certificate's lifetime. */
  public static final Duration SERVING_VALIDITY = Duration.ofDays(365);

  /** A serving certificate closer than this to its end is reissued at start. */
  public static final Duration RENEW_BEFORE = Duration.ofDays(30);

  /** DNS names in the API server's certificate: loopback, and the in-cluster Service names. */
  public static final List<String> API_SERVER_DNS_NAMES =
      List.of(
          "localhost",
          "kubernetes",
          "kubernetes.default",
          "kubernetes.default.svc",
          "kubernetes.default.svc.cluster.local");

  /** IP addresses in the API server's certificate. */
  public static final List<String> API_SERVER_IPS = List.of("127.0.0.1", "::1");

  static final String CA_COMMON_NAME = "tributary-ca";
  static final String API_SERVER_COMMON_NAME = "tributary-apiserver";

  private final Clock clock;
  private final CertificateAuthority authority;
  private final String caCertificatePem;
  private final ServingCertificate apiServer;

  private ClusterCertificates(
      Clock clock,
      CertificateAuthority authority,
      String caCertificatePem,
      ServingCertificate apiServer) {
    this.clock = clock;
    this.authority = authority;
    this.caCertificatePem = caCertificatePem;
    this.apiServer = apiServer;
  }

  /**
   * Loads the CA and the API server's certificate from {@code dataDir}, creating what is missing
   * (see the class Javadoc for when the serving certificate is reissued).
   *
   * @param clock the time certificates are issued at and checked against
   * @throws IOException if files cannot be read or written, or the CA is damaged: {@code ca.crt}
   *     present with {@code ca.key} missing, unreadable or not matching. The CA is never replaced
   *     behind the user's back, since every kubeconfig handed out trusts it; the message says what
   *     to delete to start over.
   */
  public static ClusterCertificates loadOrCreate(DataDir dataDir, Clock clock) throws IOException {
    SecureRandom random = new SecureRandom();
    Instant now = clock.instant();
    CertificateAuthority authority = loadOrCreateAuthority(dataDir, now, random);
    Optional<ServingCertificate> stored = loadApiServer(dataDir, authority, now);
    ServingCertificate apiServer;
    if (stored.isPresent()) {
      apiServer = stored.get();
    } else {
      apiServer =
          authority.issueServing(
              API_SERVER_COMMON_NAME, API_SERVER_DNS_NAMES, API_SERVER_IPS, now, SERVING_VALIDITY);
      // Key first: a crash between the two writes leaves a pair that fails keyMatches on the
      // next start and is reissued, never one that serves a stale key.
      OwnerOnlyFiles.writeAtomically(dataDir.serverKey(), bytes(apiServer.privateKeyPem()));
      OwnerOnlyFiles.writeAtomically(
          dataDir.serverCertificate(), bytes(apiServer.certificatePem()));
      log.info(
          "issued API server certificate dir={} notAfter={}", dataDir.root(), apiServer.notAfter());
    }
    return new ClusterCertificates(
        clock, authority, Pem.encode(authority.certificate()), apiServer);
  }

  /** The API server's serving certificate and key. */
  public ServingCertificate apiServer() {
    return apiServer;
  }

  /**
   * A new serving certificate signed by the cluster CA, valid for {@link #SERVING_VALIDITY} from
   * now, for another local HTTPS server (the admission webhook). Not persisted: the caller keeps it
   * as long as it needs it. Blocks for key generation (about a millisecond).
   *
   * @param dnsNames DNS names the server is reached by
   * @param ips IPv4 or IPv6 literals the server is reached by
   * @throws IllegalArgumentException if both lists are empty or an entry of {@code ips} is not an
   *     IP literal
   */
  public ServingCertificate issueServingCert(List<String> dnsNames, List<String> ips) {
    String commonName = dnsNames.isEmpty() ? (ips.isEmpty() ? "" : ips.get(0)) : dnsNames.get(0);
    return authority.issueServing(
        commonName, List.copyOf(dnsNames), List.copyOf(ips), clock.instant(), SERVING_VALIDITY);
  }

  /** The CA certificate. */
  public X509Certificate caCertificate() {
    return authority.certificate();
  }

  /**
   * The CA certificate as PEM bytes (what a kubeconfig's {@code certificate-authority-data} holds).
   */
  public byte[] caCertificatePem() {
    return bytes(caCertificatePem);
  }

  /**
   * The CA as Vert.x client trust options, for clients of the local servers (the API server calling
   * webhooks, tests). A new, independent options object on every call.
   */
  public PemTrustOptions trustOptions() {
    return new PemTrustOptions().addCertValue(Buffer.buffer(caCertificatePem));
  }

  private static CertificateAuthority loadOrCreateAuthority(
      DataDir dataDir, Instant now, SecureRandom random) throws IOException {
    Path certFile = dataDir.caCertificate();
    Path keyFile = dataDir.caKey();
    if (!Files.exists(certFile)) {
      // First start, or a crash after writing ca.key and before ca.crt: nobody trusts this CA
      // yet, so making a new one is safe.
      CertificateAuthority created =
          CertificateAuthority.create(CA_COMMON_NAME, now, CA_VALIDITY, random);
      OwnerOnlyFiles.writeAtomically(keyFile, bytes(Pem.encode(created.privateKey())));
      OwnerOnlyFiles.writeAtomically(certFile, bytes(Pem.encode(created.certificate())));
      log.info(
          "created cluster CA dir={} notAfter={}",
          dataDir.root(),
          created.certificate().getNotAfter().toInstant());
      return created;
    }
    X509Certificate certificate;
    PrivateKey key;
    try {
      certificate = Pem.decodeCertificate(readString(certFile));
    } catch (IOException e) {
      throw damagedCa(dataDir, certFile + " is unreadable: " + e.getMessage(), e);
    }
    if (!Files.exists(keyFile)) {
      throw damagedCa(dataDir, keyFile + " is missing", null);
    }
    try {
      key = Pem.decodePrivateKey(readString(keyFile));
    } catch (IOException e) {
      throw damagedCa(dataDir, keyFile + " is unreadable: " + e.getMessage(), e);
    }
    if (!CertificateAuthority.keyMatches(certificate, key)) {
      throw damagedCa(dataDir, keyFile + " does not belong to " + certFile, null);
    }
    if (certificate.getNotAfter().toInstant().isBefore(now)) {
      log.warn(
          "cluster CA has expired dir={} notAfter={}: clients will refuse the server until the CA"
              + " files are removed and every kubeconfig is rewritten",
          dataDir.root(),
          certificate.getNotAfter().toInstant());
    }
    return new CertificateAuthority(certificate, key, random);
  }

  private static Optional<ServingCertificate> loadApiServer(
      DataDir dataDir, CertificateAuthority authority, Instant now) throws IOException {
    Path certFile = dataDir.serverCertificate();
    Path keyFile = dataDir.serverKey();
    if (!Files.exists(certFile) || !Files.exists(keyFile)) {
      return Optional.empty();
    }
    String certificatePem = readString(certFile);
    String keyPem = readString(keyFile);
    X509Certificate certificate;
    PrivateKey key;
    try {
      certificate = Pem.decodeCertificate(certificatePem);
      key = Pem.decodePrivateKey(keyPem);
    } catch (IOException e) {
      log.warn(
          "reissuing unreadable API server certificate dir={} error={}",
          dataDir.root(),
          e.getMessage());
      return Optional.empty();
    }
    String problem = servingProblem(certificate, key, authority, now);
    if (problem != null) {
      log.info("reissuing API server certificate dir={} reason={}", dataDir.root(), problem);
      return Optional.empty();
    }
    return Optional.of(new ServingCertificate(certificate, certificatePem, keyPem));
  }

  /** Why a stored serving certificate cannot be used any more, or null if it can. */
  private static String servingProblem(
      X509Certificate certificate, PrivateKey key, CertificateAuthority authority, Instant now) {
    if (!authority.signed(certificate)) {
      return "not signed by the cluster CA";
    }
    if (!CertificateAuthority.keyMatches(certificate, key)) {
      return "key does not match";
    }
    if (certificate.getNotAfter().toInstant().isBefore(now.plus(RENEW_BEFORE))) {
      return "expires " + certificate.getNotAfter().toInstant();
    }
    if (certificate.getNotBefore().toInstant().isAfter(now)) {
      return "not valid before " + certificate.getNotBefore().toInstant();
    }
    Set<String> names = subjectAltNames(certificate);
    if (!names.containsAll(API_SERVER_DNS_NAMES) || !names.containsAll(normalizedIps())) {
      return "subject alternative names changed";
    }
    return null;
  }

  /** DNS names as written and IP addresses in Java's canonical text form. */
  static Set<String> subjectAltNames(X509Certificate certificate) {
    Set<String> names = new HashSet<>();
    try {
      var entries = certificate.getSubjectAlternativeNames();
      if (entries == null) {
        return names;
      }
      for (List<?> entry : entries) {
        Object value = entry.get(1);
        if (value instanceof String text) {
          int type = (Integer) entry.get(0);
          names.add(type == GeneralName.iPAddress ? normalizeIp(text) : text);
        }
      }
    } catch (CertificateParsingException e) {
      return names; // an unparseable extension means the names are not there
    }
    return names;
  }

  private static List<String> normalizedIps() {
    return API_SERVER_IPS.stream().map(ClusterCertificates::normalizeIp).toList();
  }

  private static String normalizeIp(String literal) {
    try {
      return java.net.InetAddress.getByName(literal).getHostAddress();
    } catch (java.net.UnknownHostException e) {
      return literal; // not a literal after all: keep it as it is, it will not match
    }
  }

  private static IOException damagedCa(DataDir dataDir, String what, Exception cause) {
    return new IOException(
        "the cluster CA in "
            + dataDir.root()
            + " is damaged: "
            + what
            + ". To start over with a new CA, delete ca.crt, ca.key, server.crt and server.key"
            + " there; every kubeconfig written before must then be replaced by the new one",
        cause);
  }

  private static String readString(Path file) throws IOException {
    return Files.readString(file, StandardCharsets.US_ASCII);
  }

  private static byte[] bytes(String pem) {
    return pem.getBytes(StandardCharsets.US_ASCII);
  }
}
