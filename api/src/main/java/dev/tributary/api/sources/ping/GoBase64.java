package dev.tributary.api.sources.ping;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;

/**
 * Go's {@code base64.StdEncoding.DecodeString}: the standard alphabet with {@code =} padding
 * required, {@code \r} and {@code \n} ignored anywhere, trailing bits not checked, and on bad input
 * the error Go reports ("illegal base64 data at input byte N", N a byte offset into the UTF-8
 * input). PingSource's {@code dataBase64} is validated and decoded with it, so the webhook and the
 * adapter accept exactly what Knative accepts.
 *
 * <p>Stateless and thread-safe.
 */
public final class GoBase64 {
  private static final byte INVALID = -1;
  private static final byte[] DECODE = decodeMap();

  private GoBase64() {}

  /**
   * Decodes {@code s}.
   *
   * @throws CorruptInputException when {@code s} is not valid padded standard base64
   */
  public static byte[] decode(String s) {
    byte[] src = s.getBytes(StandardCharsets.UTF_8);
    ByteArrayOutputStream out = new ByteArrayOutputStream(src.length / 4 * 3);
    int si = 0;
    while (si < src.length) {
      si = decodeQuantum(src, si, out);
    }
    return out.toByteArray();
  }

  /**
   * Decodes one 4-character quantum starting at {@code si}, appending its bytes to {@code out}.
   * Returns the index after it; the error offsets are Go's, quirks included (a missing character is
   * reported at {@code si - j} even when newlines were skipped).
   */
  private static int decodeQuantum(byte[] src, int si, ByteArrayOutputStream out) {
    int[] digits = new int[4];
    int count = 4;
    for (int j = 0; j < 4; j++) {
      if (si == src.length) {
        if (j == 0) {
          return si;
        }
        throw new CorruptInputException(si - j);
      }
      byte in = src[si++];
      byte value = DECODE[in & 0xff];
      if (value != INVALID) {
        digits[j] = value;
        continue;
      }
      if (in == '\n' || in == '\r') {
        j--;
        continue;
      }
      if (in != '=') {
        throw new CorruptInputException(si - 1);
      }
      // Padding: only after two or three digits, and "==" after two.
      if (j < 2) {
        throw new CorruptInputException(si - 1);
      }
      if (j == 2) {
        si = skipNewlines(src, si);
        if (si == src.length) {
          throw new CorruptInputException(src.length);
        }
        if (src[si] != '=') {
          throw new CorruptInputException(si - 1);
        }
        si++;
      }
      si = skipNewlines(src, si);
      if (si < src.length) {
        throw new CorruptInputException(si);
      }
      count = j;
      break;
    }
    int bits = digits[0] << 18 | digits[1] << 12 | digits[2] << 6 | digits[3];
    for (int k = 0; k < count - 1; k++) {
      out.write(bits >>> (16 - 8 * k));
    }
    return si;
  }

  private static int skipNewlines(byte[] src, int si) {
    while (si < src.length && (src[si] == '\n' || src[si] == '\r')) {
      si++;
    }
    return si;
  }

  private static byte[] decodeMap() {
    byte[] map = new byte[256];
    java.util.Arrays.fill(map, INVALID);
    String alphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";
    for (int i = 0; i < alphabet.length(); i++) {
      map[alphabet.charAt(i)] = (byte) i;
    }
    return map;
  }

  /** Go's {@code base64.CorruptInputError}. */
  public static final class CorruptInputException extends IllegalArgumentException {
    private static final long serialVersionUID = 1L;
    private final long offset;

    CorruptInputException(long offset) {
      super("illegal base64 data at input byte " + offset);
      this.offset = offset;
    }

    /** The byte offset Go reports. */
    public long offset() {
      return offset;
    }
  }
}
