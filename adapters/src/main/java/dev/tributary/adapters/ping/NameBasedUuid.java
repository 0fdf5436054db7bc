package dev.tributary.adapters.ping;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.UUID;

/**
 * Name-based UUIDs, version 5 (SHA-1), as RFC 9562 §5.5 (formerly RFC 4122 §4.3) defines them. The
 * JDK only has version 3 ({@link UUID#nameUUIDFromBytes}, MD5). Stateless and thread-safe.
 */
final class NameBasedUuid {

  private NameBasedUuid() {}

  /**
   * The version-5 UUID of {@code name} (as UTF-8) in {@code namespace}: SHA-1 over the namespace's
   * 16 bytes then the name, the first 16 bytes of the hash, version nibble 5, variant bits 10.
   */
  static UUID v5(UUID namespace, String name) {
    MessageDigest sha1;
    try {
      sha1 = MessageDigest.getInstance("SHA-1");
    } catch (NoSuchAlgorithmException e) {
      // Every Java platform must provide SHA-1 (MessageDigest's contract).
      throw new IllegalStateException("SHA-1 is not available", e);
    }
    sha1.update(
        ByteBuffer.allocate(16)
            .putLong(namespace.getMostSignificantBits())
            .putLong(namespace.getLeastSignificantBits())
            .array());
    byte[] hash = sha1.digest(name.getBytes(StandardCharsets.UTF_8));
    hash[6] = (byte) ((hash[6] & 0x0f) | 0x50);
    hash[8] = (byte) ((hash[8] & 0x3f) | 0x80);
    ByteBuffer bits = ByteBuffer.wrap(hash, 0, 16);
    return new UUID(bits.getLong(), bits.getLong());
  }
}
