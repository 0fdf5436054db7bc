package dev.tributary.local.kubelet;

import dev.tributary.local.security.Tokens;
import java.io.IOException;

/**
 * Mints the bearer tokens pods authenticate with as their ServiceAccount ({@code
 * system:serviceaccount:NS:NAME}). The local cluster passes its API server's {@code
 * dev.tributary.local.security.Tokens}; the API server then applies RBAC to the pod's requests as
 * to that ServiceAccount's. Implementations may block on disk I/O and must be thread-safe.
 */
public interface ServiceAccountTokens {

  /** A new token for ServiceAccount {@code namespace/name} whose uid is {@code uid}. */
  String issue(String namespace, String name, String uid) throws IOException;

  /** Makes {@code token} stop authenticating (the pod it was issued for is gone). */
  void revoke(String token) throws IOException;

  /** Tokens minted by the local API server's own token store, which it then accepts. */
  static ServiceAccountTokens of(Tokens tokens) {
    return new ServiceAccountTokens() {
      @Override
      public String issue(String namespace, String name, String uid) throws IOException {
        return tokens.issueServiceAccountToken(namespace, name, uid);
      }

      @Override
      public void revoke(String token) throws IOException {
        tokens.revoke(token);
      }
    };
  }
}
