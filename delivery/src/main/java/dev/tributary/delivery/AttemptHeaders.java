package dev.tributary.delivery;

import io.vertx.core.MultiMap;
import io.vertx.core.http.HttpHeaders;
import java.util.Map;

/**
 * The request headers all attempts of one event send, prepared once per event.
 *
 * <p>Vert.x copies a request's headers into its own map, validating every name and value, and then
 * adds {@code Content-Length}; that was about a tenth of the sender's CPU per attempt. A read-only
 * map is shared by a Vert.x request instead of copied, and one that already carries {@code
 * Content-Length} is not written to. So when every header is plainly valid (names are RFC 9110
 * tokens, values have no control character but HTAB), this returns a read-only copy with {@code
 * Content-Length} set. Otherwise it returns the headers as they are, and Vert.x validates (and
 * refuses) them on each attempt exactly as it would have.
 *
 * <p>Our check accepts a subset of what Vert.x's validation accepts, so sharing never lets through
 * a header Vert.x would have refused; the bytes on the wire are the same either way (Vert.x too
 * appends {@code Content-Length} after the caller's headers).
 */
final class AttemptHeaders {

  private static final String TOKEN_SYMBOLS = "!#$%&'*+-.^_`|~";

  private AttemptHeaders() {}

  /**
   * Headers for every attempt of a request with {@code headers} (which this takes over, and may add
   * {@code Content-Length} to) and a body of {@code bodyLength} bytes.
   */
  static MultiMap prepare(MultiMap headers, int bodyLength) {
    if (!headers.contains(HttpHeaders.CONTENT_LENGTH)) {
      headers.set(HttpHeaders.CONTENT_LENGTH, Integer.toString(bodyLength));
    }
    for (Map.Entry<String, String> header : headers) {
      if (!isToken(header.getKey()) || !isPlainValue(header.getValue())) {
        return headers;
      }
    }
    return headers.copy(false);
  }

  private static boolean isToken(String name) {
    if (name.isEmpty()) {
      return false;
    }
    for (int i = 0; i < name.length(); i++) {
      char c = name.charAt(i);
      boolean alphanumeric =
          (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9');
      if (!alphanumeric && TOKEN_SYMBOLS.indexOf(c) < 0) {
        return false;
      }
    }
    return true;
  }

  private static boolean isPlainValue(String value) {
    for (int i = 0; i < value.length(); i++) {
      char c = value.charAt(i);
      if ((c < 0x20 && c != '\t') || c == 0x7f) {
        return false;
      }
    }
    return true;
  }
}
