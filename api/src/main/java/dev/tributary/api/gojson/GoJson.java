package dev.tributary.api.gojson;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectWriter;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * JSON text byte for byte as Go's {@code encoding/json} writes it: no spaces, map keys sorted and
 * strings escaped by {@link GoJsonEscapes}. Used where Knative puts Go-made JSON into text users
 * see or compare, such as {@code K_CE_OVERRIDES}, validation messages and PingSource's converted
 * {@code jsonData}. Strings are handled as their UTF-8 bytes, as Go sees them.
 *
 * <p>Stateless and thread-safe.
 */
public final class GoJson {
  private static final ObjectWriter WRITER =
      JsonMapper.builder()
          .enable(SerializationFeature.ORDER_MAP_ENTRIES_BY_KEYS)
          .build()
          .writer()
          .with(new GoJsonEscapes());

  /** {@link GoJsonEscapes#escape} of every ASCII character, as bytes; null where none. */
  private static final byte[][] ASCII_ESCAPES = new byte[128][];

  static {
    for (int c = 0; c < ASCII_ESCAPES.length; c++) {
      String escape = GoJsonEscapes.escape(c);
      ASCII_ESCAPES[c] = escape == null ? null : escape.getBytes(StandardCharsets.US_ASCII);
    }
  }

  private GoJson() {}

  /**
   * {@code value} as Go's {@code json.Marshal} would write the equivalent Go value.
   *
   * @throws IllegalArgumentException if Jackson cannot serialize it
   */
  public static String write(Object value) {
    try {
      return WRITER.writeValueAsString(value);
    } catch (JsonProcessingException e) {
      throw new IllegalArgumentException("cannot write JSON: " + e.getMessage(), e);
    }
  }

  /**
   * Go's {@code json.Marshal} of a string: quoted and escaped. A lone surrogate (text that is not
   * valid Unicode) becomes {@code \ufffd}, as Go writes invalid UTF-8.
   */
  public static String quote(String s) {
    StringBuilder out = new StringBuilder(s.length() + 2).append('"');
    s.codePoints()
        .forEach(
            c -> {
              String escape = GoJsonEscapes.escape(c);
              if (escape != null) {
                out.append(escape);
              } else if (c >= Character.MIN_SURROGATE && c <= Character.MAX_SURROGATE) {
                out.append("\\ufffd");
              } else {
                out.appendCodePoint(c);
              }
            });
    return out.append('"').toString();
  }

  /**
   * Go's {@code json.Marshal} of {@code json} decoded with {@code json.Unmarshal} into a {@code
   * map[string]*json.RawMessage}: the object with its keys sorted by their UTF-8 bytes, the last of
   * duplicate keys kept, whitespace removed and values otherwise as written ({@code json.Compact}
   * with HTML escaping); {@code null} stays {@code null}. Empty when that decoding fails: {@code
   * json} is not valid JSON, or its value is neither an object nor {@code null}.
   */
  public static Optional<String> remarshalObject(String json) {
    byte[] data = json.getBytes(StandardCharsets.UTF_8);
    if (GoJsonScanner.check(data).isPresent()) {
      return Optional.empty();
    }
    JsonWalker walker = new JsonWalker(data);
    walker.skipSpace();
    return switch (walker.peek()) {
      case 'n' -> Optional.of("null");
      case '{' -> Optional.of(remarshalObject(walker, data.length));
      default -> Optional.empty();
    };
  }

  private static String remarshalObject(JsonWalker walker, int sizeHint) {
    // Keys sorted as Go sorts map keys: by their UTF-8 bytes. Later duplicates replace earlier.
    Map<byte[], byte[]> members = new TreeMap<>(Arrays::compareUnsigned);
    walker.advance(); // '{'
    walker.skipSpace();
    while (walker.peek() != '}') {
      byte[] key = walker.readString();
      walker.skipSpace();
      walker.advance(); // ':'
      walker.skipSpace();
      members.put(key, walker.readValue());
      walker.skipSpace();
      if (walker.peek() == ',') {
        walker.advance();
        walker.skipSpace();
      }
    }
    ByteArrayOutputStream out = new ByteArrayOutputStream(sizeHint);
    out.write('{');
    boolean first = true;
    for (Map.Entry<byte[], byte[]> member : members.entrySet()) {
      if (!first) {
        out.write(',');
      }
      first = false;
      appendQuoted(out, member.getKey());
      out.write(':');
      appendCompact(out, member.getValue());
    }
    out.write('}');
    return out.toString(StandardCharsets.UTF_8);
  }

  /** Go's string encoder over UTF-8 text: quotes, and escapes per {@link GoJsonEscapes}. */
  private static void appendQuoted(ByteArrayOutputStream out, byte[] utf8) {
    out.write('"');
    for (int i = 0; i < utf8.length; ) {
      i = appendEscaped(out, utf8, i);
    }
    out.write('"');
  }

  /**
   * Go's {@code json.Compact} with HTML escaping, over a valid JSON value: whitespace outside
   * strings dropped, and inside strings what {@link GoJsonEscapes} escapes but valid JSON may hold
   * raw ({@code <>&}, U+2028, U+2029) escaped.
   */
  private static void appendCompact(ByteArrayOutputStream out, byte[] value) {
    boolean inString = false;
    for (int i = 0; i < value.length; ) {
      byte b = value[i];
      if (inString) {
        if (b == '\\') {
          out.write(value, i, 2); // an escape already: kept as written
          i += 2;
        } else if (b == '"') {
          out.write(b);
          inString = false;
          i++;
        } else {
          i = appendEscaped(out, value, i);
        }
        continue;
      }
      if (b == '"') {
        inString = true;
      }
      if (!JsonWalker.isSpace(b)) {
        out.write(b);
      }
      i++;
    }
  }

  /**
   * Writes the character whose UTF-8 encoding starts at {@code utf8[i]}, escaped if {@link
   * GoJsonEscapes} says so; returns the index after it.
   */
  private static int appendEscaped(ByteArrayOutputStream out, byte[] utf8, int i) {
    int b = utf8[i] & 0xff;
    if (b < 0x80) {
      byte[] escape = ASCII_ESCAPES[b];
      if (escape == null) {
        out.write(b);
      } else {
        out.writeBytes(escape);
      }
      return i + 1;
    }
    int length = Math.min(utf8Length(b), utf8.length - i);
    String escape = GoJsonEscapes.escape(codePoint(utf8, i, length));
    if (escape == null) {
      out.write(utf8, i, length);
    } else {
      out.writeBytes(escape.getBytes(StandardCharsets.US_ASCII));
    }
    return i + length;
  }

  /** The length of the UTF-8 sequence a lead byte starts (1 for a byte that starts none). */
  private static int utf8Length(int lead) {
    if ((lead & 0xe0) == 0xc0) {
      return 2;
    }
    if ((lead & 0xf0) == 0xe0) {
      return 3;
    }
    return (lead & 0xf8) == 0xf0 ? 4 : 1;
  }

  private static int codePoint(byte[] utf8, int i, int length) {
    int lead = utf8[i] & 0xff;
    int cp =
        switch (length) {
          case 2 -> lead & 0x1f;
          case 3 -> lead & 0x0f;
          case 4 -> lead & 0x07;
          default -> lead;
        };
    for (int k = 1; k < length; k++) {
      cp = (cp << 6) | (utf8[i + k] & 0x3f);
    }
    return cp;
  }
}
