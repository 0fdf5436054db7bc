package dev.tributary.local.security;

import java.util.Optional;

/**
 * Maps bearer tokens to identities. The API server asks it about every request and answers 401 when
 * it finds nobody. Implementations are thread-safe, never block, and never log tokens.
 */
public interface TokenAuthenticator {

  /** The identity {@code token} belongs to, or empty if it is unknown or revoked. */
  Optional<UserInfo> authenticateToken(String token);

  /**
   * The identity behind an HTTP {@code Authorization} header value ({@code Bearer TOKEN}), or empty
   * if the header is missing, not a bearer credential, or carries an unknown token.
   */
  default Optional<UserInfo> authenticate(String authorizationHeader) {
    return bearerToken(authorizationHeader).flatMap(this::authenticateToken);
  }

  /**
   * The token in a {@code Bearer} header, read as Kubernetes reads it: surrounding space trimmed,
   * the scheme matched case-insensitively, the token being the next space-separated word.
   */
  static Optional<String> bearerToken(String authorizationHeader) {
    if (authorizationHeader == null) {
      return Optional.empty();
    }
    String[] parts = authorizationHeader.strip().split(" ", 3);
    if (parts.length < 2 || !parts[0].equalsIgnoreCase("bearer") || parts[1].isEmpty()) {
      return Optional.empty();
    }
    return Optional.of(parts[1]);
  }
}
