package dev.tributary.api.sources.ping;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * The few behaviours of Go's {@code encoding/json} that PingSource's API depends on, with Go's
 * exact results: the error {@code json.Unmarshal} returns for a payload that must be a JSON object
 * (webhook validation of {@code data}/{@code dataBase64}), and the re-marshalling v1beta1's
 * conversion applies to {@code jsonData}. Inputs are handled as their UTF-8 bytes, as Go sees them.
 *
 * <p>Stateless and thread-safe.
 */
public final class GoJson {
  private static final String MAP_TYPE = "map[string]interface {}";
  private static final byte[] HEX = "0123456789abcdef".getBytes(StandardCharsets.US_ASCII);

  private GoJson() {}

  /**
   * The error Go's {@code json.Unmarshal(data, &map[string]interface{}{})} returns, if any: a
   * syntax error, a type error when the value is not an object (JSON {@code null} is accepted), or
   * a number too large for a float64 anywhere in the object.
   */
  public static Optional<String> objectUnmarshalError(byte[] data) {
    Optional<String> syntax = GoJsonScanner.check(data);
    if (syntax.isPresent()) {
      return syntax;
    }
    Reader reader = new Reader(data);
    reader.skipSpace();
    return switch (data[reader.pos]) {
      case '{' -> reader.firstFloatOverflow();
      case 'n' -> Optional.empty();
      case '[' -> typeError("array");
      case '"' -> typeError("string");
      case 't', 'f' -> typeError("bool");
      default -> typeError("number");
    };
  }

  /**
   * What Knative's v1beta1 to v1beta2 conversion makes of {@code jsonData}: when it unmarshals as a
   * JSON object (or {@code null}), the object marshalled again by Go (keys sorted, the last of
   * duplicate keys kept, whitespace removed, {@code <>&} and U+2028/U+2029 escaped); otherwise
   * {@code {"body":"<jsonData>"}}.
   */
  public static String objectOrBody(String body) {
    byte[] data = body.getBytes(StandardCharsets.UTF_8);
    if (GoJsonScanner.check(data).isEmpty()) {
      Reader reader = new Reader(data);
      reader.skipSpace();
      if (data[reader.pos] == 'n') {
        return "null";
      }
      if (data[reader.pos] == '{') {
        return reader.remarshalObject();
      }
    }
    ByteArrayOutputStream out = new ByteArrayOutputStream(data.length + 12);
    out.writeBytes("{\"body\":".getBytes(StandardCharsets.US_ASCII));
    appendString(out, data);
    out.write('}');
    return out.toString(StandardCharsets.UTF_8);
  }

  /** Go's {@code json.Marshal} of a string: quoted, with Go's escapes (HTML-safe). */
  public static String quote(String s) {
    ByteArrayOutputStream out = new ByteArrayOutputStream(s.length() + 2);
    appendString(out, s.getBytes(StandardCharsets.UTF_8));
    return out.toString(StandardCharsets.UTF_8);
  }

  private static Optional<String> typeError(String jsonKind) {
    return Optional.of("json: cannot unmarshal " + jsonKind + " into Go value of type " + MAP_TYPE);
  }

  /** Go's string encoder with HTML escaping on, over valid UTF-8. */
  private static void appendString(ByteArrayOutputStream out, byte[] s) {
    out.write('"');
    for (int i = 0; i < s.length; i++) {
      int b = s[i] & 0xff;
      if (b >= 0x80) {
        if (b == 0xE2 && i + 2 < s.length && s[i + 1] == (byte) 0x80 && (s[i + 2] & 0xfe) == 0xA8) {
          // U+2028 and U+2029 break JavaScript string literals; Go escapes them.
          out.writeBytes(new byte[] {'\\', 'u', '2', '0', '2', HEX[s[i + 2] & 0xf]});
          i += 2;
        } else {
          out.write(b);
        }
        continue;
      }
      switch (b) {
        case '"', '\\' -> out.writeBytes(new byte[] {'\\', (byte) b});
        case '\b' -> out.writeBytes(new byte[] {'\\', 'b'});
        case '\f' -> out.writeBytes(new byte[] {'\\', 'f'});
        case '\n' -> out.writeBytes(new byte[] {'\\', 'n'});
        case '\r' -> out.writeBytes(new byte[] {'\\', 'r'});
        case '\t' -> out.writeBytes(new byte[] {'\\', 't'});
        default -> {
          if (b < 0x20 || b == '<' || b == '>' || b == '&') {
            out.writeBytes(new byte[] {'\\', 'u', '0', '0', HEX[b >> 4], HEX[b & 0xf]});
          } else {
            out.write(b);
          }
        }
      }
    }
    out.write('"');
  }

  /** Walks a value already known to be valid JSON. Positions are byte offsets into {@code data}. */
  private static final class Reader {
    private final byte[] data;
    private int pos;

    Reader(byte[] data) {
      this.data = data;
    }

    void skipSpace() {
      while (pos < data.length && isSpace(data[pos])) {
        pos++;
      }
    }

    /** The first number (in document order) that overflows a float64, as Go reports it. */
    Optional<String> firstFloatOverflow() {
      int start = pos;
      Optional<String> found = Optional.empty();
      while (pos < data.length && found.isEmpty()) {
        byte c = data[pos];
        if (c == '"') {
          skipString();
        } else if (c == '-' || (c >= '0' && c <= '9')) {
          int numberStart = pos;
          skipNumber();
          String literal =
              new String(data, numberStart, pos - numberStart, StandardCharsets.US_ASCII);
          if (Double.isInfinite(Double.parseDouble(literal))) {
            found =
                Optional.of(
                    "json: cannot unmarshal number " + literal + " into Go value of type float64");
          }
        } else {
          pos++;
        }
      }
      pos = start;
      return found;
    }

    /** Go's {@code json.Marshal} of this object decoded as {@code map[string]*json.RawMessage}. */
    String remarshalObject() {
      // Keys sorted as Go sorts map keys: by their UTF-8 bytes. Later duplicates replace earlier.
      Map<byte[], byte[]> members = new TreeMap<>(Arrays::compareUnsigned);
      pos++; // '{'
      skipSpace();
      while (data[pos] != '}') {
        byte[] key = readKey();
        skipSpace();
        pos++; // ':'
        skipSpace();
        int valueStart = pos;
        skipValue();
        members.put(key, Arrays.copyOfRange(data, valueStart, pos));
        skipSpace();
        if (data[pos] == ',') {
          pos++;
          skipSpace();
        }
      }
      ByteArrayOutputStream out = new ByteArrayOutputStream(data.length);
      out.write('{');
      boolean first = true;
      for (Map.Entry<byte[], byte[]> member : members.entrySet()) {
        if (!first) {
          out.write(',');
        }
        first = false;
        appendString(out, member.getKey());
        out.write(':');
        appendCompact(out, member.getValue());
      }
      out.write('}');
      return out.toString(StandardCharsets.UTF_8);
    }

    /** An object key, unquoted the way Go does (bad surrogate escapes become U+FFFD). */
    private byte[] readKey() {
      int start = pos;
      skipString();
      String quoted = new String(data, start + 1, pos - start - 2, StandardCharsets.UTF_8);
      StringBuilder key = new StringBuilder(quoted.length());
      for (int i = 0; i < quoted.length(); i++) {
        char c = quoted.charAt(i);
        if (c != '\\') {
          key.append(c);
          continue;
        }
        char e = quoted.charAt(++i);
        switch (e) {
          case 'b' -> key.append('\b');
          case 'f' -> key.append('\f');
          case 'n' -> key.append('\n');
          case 'r' -> key.append('\r');
          case 't' -> key.append('\t');
          case 'u' -> {
            char unit = hex4(quoted, i + 1);
            i += 4;
            if (Character.isHighSurrogate(unit)
                && quoted.startsWith("\\u", i + 1)
                && Character.isLowSurrogate(hex4(quoted, i + 3))) {
              key.append(unit).append(hex4(quoted, i + 3));
              i += 6;
            } else if (Character.isSurrogate(unit)) {
              key.append('\uFFFD');
            } else {
              key.append(unit);
            }
          }
          default -> key.append(e); // '"', '\\', '/'
        }
      }
      return key.toString().getBytes(StandardCharsets.UTF_8);
    }

    private static char hex4(String s, int from) {
      return (char) Integer.parseInt(s.substring(from, from + 4), 16);
    }

    private void skipValue() {
      byte c = data[pos];
      if (c == '"') {
        skipString();
      } else if (c == '{' || c == '[') {
        int depth = 0;
        do {
          byte d = data[pos];
          if (d == '"') {
            skipString();
            continue;
          }
          if (d == '{' || d == '[') {
            depth++;
          } else if (d == '}' || d == ']') {
            depth--;
          }
          pos++;
        } while (depth > 0);
      } else {
        while (pos < data.length && !isDelimiter(data[pos])) {
          pos++;
        }
      }
    }

    private void skipString() {
      pos++; // opening quote
      while (data[pos] != '"') {
        pos += data[pos] == '\\' ? 2 : 1;
      }
      pos++;
    }

    private void skipNumber() {
      while (pos < data.length && !isDelimiter(data[pos])) {
        pos++;
      }
    }

    private static boolean isDelimiter(byte c) {
      return isSpace(c) || c == ',' || c == '}' || c == ']' || c == ':';
    }
  }

  /** Go's {@code json.Compact} with HTML escaping, over a valid JSON value. */
  private static void appendCompact(ByteArrayOutputStream out, byte[] value) {
    boolean inString = false;
    for (int i = 0; i < value.length; i++) {
      int b = value[i] & 0xff;
      if (b == '<' || b == '>' || b == '&') {
        out.writeBytes(new byte[] {'\\', 'u', '0', '0', HEX[b >> 4], HEX[b & 0xf]});
        continue;
      }
      if (b == 0xE2
          && i + 2 < value.length
          && value[i + 1] == (byte) 0x80
          && (value[i + 2] & 0xfe) == 0xA8) {
        out.writeBytes(new byte[] {'\\', 'u', '2', '0', '2', HEX[value[i + 2] & 0xf]});
        i += 2;
        continue;
      }
      if (inString) {
        out.write(b);
        if (b == '\\') {
          out.write(value[++i]);
        } else if (b == '"') {
          inString = false;
        }
        continue;
      }
      if (b == '"') {
        inString = true;
      }
      if (!isSpace((byte) b)) {
        out.write(b);
      }
    }
  }

  static boolean isSpace(byte c) {
    return c == ' ' || c == '\t' || c == '\r' || c == '\n';
  }
}
