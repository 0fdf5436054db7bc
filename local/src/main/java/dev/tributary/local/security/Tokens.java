package dev.tributary.local.security;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import dev.tributary.local.datadir.DataDir;
import dev.tributary.local.datadir.OwnerOnlyFiles;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The bearer tokens the local API server accepts: one admin token, and ServiceAccount tokens issued
 * for pods.
 *
 * <p>The admin token is made at first start (32 random bytes, URL-safe base64 without padding),
 * kept in {@code admin.token} (owner-only; the kubeconfig carries it too), and identifies {@code
 * kubernetes-admin} in groups {@code system:masters} and {@code system:authenticated}.
 * ServiceAccount tokens are opaque random tokens of the same shape; only their SHA-256 hashes are
 * kept, in {@code serviceaccount-tokens.json} (owner-only), so the file alone lets nobody in. They
 * stay valid across restarts until revoked.
 *
 * <p>Lookups hash the presented token and compare hashes: the admin hash in constant time, the
 * ServiceAccount hashes by map lookup, which reveals nothing useful about a token since an attacker
 * cannot choose what a hash starts with. Tokens are never logged.
 *
 * <p>Thread-safe. {@link #authenticateToken} never blocks; issuing and revoking write the file
 * before returning and so block on disk I/O.
 */
public final class Tokens implements TokenAuthenticator {

  private static final Logger log = LoggerFactory.getLogger(Tokens.class);

  /** The admin's username. */
  public static final String ADMIN_USERNAME = "kubernetes-admin";

  private static final int TOKEN_BYTES = 32;

  private final Path serviceAccountFile;
  private final SecureRandom random;
  private final ObjectMapper json = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);
  private final String adminToken;
  private final byte[] adminHash;
  private final UserInfo admin =
      new UserInfo(
          ADMIN_USERNAME, "", List.of(UserInfo.MASTERS_GROUP, UserInfo.AUTHENTICATED_GROUP));
  private final Map<String, ServiceAccountToken> byHash; // key: hex SHA-256 of the token
  private final Object writeLock = new Object();

  /** One issued ServiceAccount token, as persisted (the token itself never is). */
  record ServiceAccountToken(String sha256, String namespace, String name, String uid) {}

  /** The persisted file's shape. */
  record ServiceAccountTokenFile(List<ServiceAccountToken> tokens) {}

  private Tokens(
      Path serviceAccountFile,
      SecureRandom random,
      String adminToken,
      Map<String, ServiceAccountToken> byHash) {
    this.serviceAccountFile = serviceAccountFile;
    this.random = random;
    this.adminToken = adminToken;
    this.adminHash = sha256(adminToken);
    this.byHash = byHash;
  }

  /**
   * Loads the admin token and the issued ServiceAccount tokens from {@code dataDir}, making the
   * admin token if there is none yet. Blocks on disk I/O.
   *
   * @throws IOException if the files cannot be read or written, or the ServiceAccount token file is
   *     not valid JSON
   */
  public static Tokens loadOrCreate(DataDir dataDir) throws IOException {
    SecureRandom random = new SecureRandom();
    String admin = loadOrCreateAdminToken(dataDir.adminToken(), random);
    Map<String, ServiceAccountToken> byHash = new ConcurrentHashMap<>();
    Path file = dataDir.serviceAccountTokens();
    if (Files.exists(file)) {
      ServiceAccountTokenFile stored =
          new ObjectMapper().readValue(file.toFile(), ServiceAccountTokenFile.class);
      if (stored.tokens() != null) {
        stored.tokens().forEach(t -> byHash.put(t.sha256(), t));
      }
    }
    return new Tokens(file, random, admin, byHash);
  }

  /** The admin bearer token, for the kubeconfig. A secret: never log it. */
  public String adminToken() {
    return adminToken;
  }

  /** The admin's identity. */
  public UserInfo admin() {
    return admin;
  }

  /**
   * Issues a new token for ServiceAccount {@code namespace/name}, persisted before it is returned.
   * Each call makes a different token; all stay valid until revoked.
   *
   * @param uid the ServiceAccount's {@code metadata.uid}, reported as the identity's uid
   * @return the token, to hand to the pod; it cannot be read back later
   */
  public String issueServiceAccountToken(String namespace, String name, String uid)
      throws IOException {
    String token = newToken(random);
    ServiceAccountToken entry = new ServiceAccountToken(hex(sha256(token)), namespace, name, uid);
    synchronized (writeLock) {
      List<ServiceAccountToken> next = new ArrayList<>(byHash.values());
      next.add(entry);
      persist(next);
      byHash.put(entry.sha256(), entry);
    }
    log.debug("issued ServiceAccount token namespace={} name={}", namespace, name);
    return token;
  }

  /**
   * Revokes one ServiceAccount token: it stops authenticating at once.
   *
   * @return whether {@code token} was a valid ServiceAccount token
   * @throws IOException if the revocation could not be persisted (it holds in memory regardless)
   */
  public boolean revoke(String token) throws IOException {
    synchronized (writeLock) {
      ServiceAccountToken removed = byHash.remove(hex(sha256(token)));
      if (removed == null) {
        return false;
      }
      persist(List.copyOf(byHash.values()));
      log.debug(
          "revoked ServiceAccount token namespace={} name={}", removed.namespace(), removed.name());
      return true;
    }
  }

  /**
   * Revokes every token of ServiceAccount {@code namespace/name} (when it is deleted).
   *
   * @return how many tokens were revoked
   * @throws IOException if the revocation could not be persisted (it holds in memory regardless)
   */
  public int revokeServiceAccount(String namespace, String name) throws IOException {
    synchronized (writeLock) {
      int before = byHash.size();
      byHash.values().removeIf(t -> t.namespace().equals(namespace) && t.name().equals(name));
      int removed = before - byHash.size();
      if (removed > 0) {
        persist(List.copyOf(byHash.values()));
        log.debug(
            "revoked ServiceAccount tokens namespace={} name={} count={}",
            namespace,
            name,
            removed);
      }
      return removed;
    }
  }

  @Override
  public Optional<UserInfo> authenticateToken(String token) {
    if (token == null || token.isEmpty()) {
      return Optional.empty();
    }
    byte[] hash = sha256(token);
    if (MessageDigest.isEqual(hash, adminHash)) {
      return Optional.of(admin);
    }
    ServiceAccountToken entry = byHash.get(hex(hash));
    if (entry == null) {
      return Optional.empty();
    }
    return Optional.of(UserInfo.serviceAccount(entry.namespace(), entry.name(), entry.uid()));
  }

  private void persist(List<ServiceAccountToken> tokens) throws IOException {
    OwnerOnlyFiles.writeAtomically(
        serviceAccountFile, json.writeValueAsBytes(new ServiceAccountTokenFile(tokens)));
  }

  private static String loadOrCreateAdminToken(Path file, SecureRandom random) throws IOException {
    if (Files.exists(file)) {
      String stored = Files.readString(file, StandardCharsets.US_ASCII).strip();
      if (!stored.isEmpty()) {
        return stored;
      }
      log.warn("admin token file is empty, making a new admin token file={}", file);
    }
    String token = newToken(random);
    OwnerOnlyFiles.writeAtomically(file, (token + "\n").getBytes(StandardCharsets.US_ASCII));
    log.info("created admin token file={}", file);
    return token;
  }

  private static String newToken(SecureRandom random) {
    byte[] bytes = new byte[TOKEN_BYTES];
    random.nextBytes(bytes);
    return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
  }

  private static byte[] sha256(String token) {
    try {
      return MessageDigest.getInstance("SHA-256").digest(token.getBytes(StandardCharsets.UTF_8));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("every JDK has SHA-256", e);
    }
  }

  private static String hex(byte[] bytes) {
    return HexFormat.of().formatHex(bytes);
  }
}
