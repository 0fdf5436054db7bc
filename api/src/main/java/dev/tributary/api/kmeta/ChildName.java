package dev.tributary.api.kmeta;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Arrays;
import java.util.HexFormat;

/**
 * Names for the objects a resource owns, as knative.dev/pkg's {@code kmeta.ChildName}: {@code
 * parent + suffix} when that fits in 63 bytes, otherwise a truncated parent plus the MD5 of the
 * parent, so that long parents still get unique, valid, stable child names.
 *
 * <p>Lengths are counted in UTF-8 bytes, as Go counts them; Kubernetes names are ASCII anyway.
 */
public final class ChildName {
  private static final int LONGEST = 63;
  private static final int MD5_HEX_LENGTH = 32;
  private static final int HEAD = LONGEST - MD5_HEX_LENGTH;

  private ChildName() {}

  /**
   * The child name for {@code parent} with {@code suffix}.
   *
   * <ul>
   *   <li>{@code parent + suffix} when that is at most 63 bytes;
   *   <li>else, when the suffix is shorter than 31 bytes, the parent cut to {@code 31 -
   *       len(suffix)} bytes, then the MD5 hex of the whole parent, then the suffix;
   *   <li>else the parent cut to 31 bytes, then the MD5 hex of {@code parent + suffix}, padded to
   *       63 with the start of the suffix, with trailing non-alphanumerics trimmed.
   * </ul>
   */
  public static String of(String parent, String suffix) {
    byte[] p = parent.getBytes(StandardCharsets.UTF_8);
    byte[] s = suffix.getBytes(StandardCharsets.UTF_8);
    if (p.length <= LONGEST - s.length) {
      return parent + suffix;
    }
    if (HEAD - s.length <= 0) {
      String hash = md5Hex(concat(p, s));
      byte[] head = p.length > HEAD ? Arrays.copyOf(p, HEAD) : p;
      byte[] name = concat(head, hash.getBytes(StandardCharsets.US_ASCII));
      int missing = LONGEST - name.length;
      if (missing > 0) {
        name = concat(name, Arrays.copyOf(s, missing));
      }
      return trimTrailingNonAlphanumerics(name);
    }
    byte[] head = Arrays.copyOf(p, HEAD - s.length);
    return new String(head, StandardCharsets.UTF_8) + md5Hex(p) + suffix;
  }

  private static String trimTrailingNonAlphanumerics(byte[] name) {
    int end = name.length;
    while (end > 0 && !isAlphanumeric(name[end - 1])) {
      end--;
    }
    return new String(name, 0, end, StandardCharsets.UTF_8);
  }

  private static boolean isAlphanumeric(byte b) {
    return (b >= 'a' && b <= 'z') || (b >= 'A' && b <= 'Z') || (b >= '0' && b <= '9');
  }

  private static byte[] concat(byte[] a, byte[] b) {
    byte[] out = Arrays.copyOf(a, a.length + b.length);
    System.arraycopy(b, 0, out, a.length, b.length);
    return out;
  }

  private static String md5Hex(byte[] data) {
    try {
      return HexFormat.of().formatHex(MessageDigest.getInstance("MD5").digest(data));
    } catch (NoSuchAlgorithmException e) {
      // Every Java platform is required to provide MD5.
      throw new IllegalStateException("MD5 unavailable", e);
    }
  }
}
