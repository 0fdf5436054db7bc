package dev.tributary.local.security;

import java.net.Socket;
import java.security.Principal;
import java.security.PrivateKey;
import java.security.cert.X509Certificate;
import javax.net.ssl.SSLEngine;
import javax.net.ssl.X509ExtendedKeyManager;

/**
 * Serves one certificate chain and its key, held in memory as they are.
 *
 * <p>Why not Vert.x's {@code PemKeyCertOptions}: it files the key in a PKCS#12 key store, which
 * encrypts it with PBKDF2 (10,000 HMAC-SHA256 rounds) and decrypts it again, several times over; at
 * start-up, still in the interpreter, that was about 40% of the API server's start-up CPU.
 * Immutable, thread-safe.
 */
final class ServingKeyManager extends X509ExtendedKeyManager {

  private static final String ALIAS = "serving";

  private final PrivateKey key;
  private final X509Certificate[] chain;

  ServingKeyManager(PrivateKey key, X509Certificate... chain) {
    this.key = key;
    this.chain = chain.clone();
  }

  @Override
  public String[] getServerAliases(String keyType, Principal[] issuers) {
    return matches(keyType) ? new String[] {ALIAS} : null;
  }

  @Override
  public String chooseServerAlias(String keyType, Principal[] issuers, Socket socket) {
    return matches(keyType) ? ALIAS : null;
  }

  @Override
  public String chooseEngineServerAlias(String keyType, Principal[] issuers, SSLEngine engine) {
    return matches(keyType) ? ALIAS : null;
  }

  /** A server has no client certificate to offer. */
  @Override
  public String[] getClientAliases(String keyType, Principal[] issuers) {
    return null;
  }

  @Override
  public String chooseClientAlias(String[] keyTypes, Principal[] issuers, Socket socket) {
    return null;
  }

  @Override
  public X509Certificate[] getCertificateChain(String alias) {
    return ALIAS.equals(alias) ? chain.clone() : null;
  }

  @Override
  public PrivateKey getPrivateKey(String alias) {
    return ALIAS.equals(alias) ? key : null;
  }

  /** The TLS stack asks per key type ("EC", "RSA", "EdDSA"...); only the key's own one matches. */
  private boolean matches(String keyType) {
    return keyType == null || keyType.equals(key.getAlgorithm());
  }
}
