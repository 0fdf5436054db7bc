package dev.tributary.api.gojson;

import com.fasterxml.jackson.core.SerializableString;
import com.fasterxml.jackson.core.io.CharacterEscapes;
import com.fasterxml.jackson.core.io.SerializedString;

/**
 * The one definition of how Go's {@code encoding/json.Marshal} escapes text inside a JSON string
 * (HTML escaping on, as {@code Marshal} always has it): {@code "} and {@code \} with a backslash;
 * {@code \b \f \n \r \t} by name; other control characters, {@code <}, {@code >}, {@code &}, U+2028
 * and U+2029 as <code>&#92;u</code> escapes in lower-case hex. Everything else, U+007F and
 * non-ASCII included, is written as is.
 *
 * <p>{@link #escape} is the table; {@link GoJson}'s byte-level writers and Jackson (through this
 * class as a {@link CharacterEscapes}, e.g. {@code mapper.writer().with(new GoJsonEscapes())}) both
 * read it, so every JSON text Tributary writes for Go's sake escapes alike.
 *
 * <p>Immutable and thread-safe.
 */
public final class GoJsonEscapes extends CharacterEscapes {
  private static final SerializedString[] ASCII = new SerializedString[128];
  private static final SerializedString LINE_SEPARATOR = serialized(0x2028);
  private static final SerializedString PARAGRAPH_SEPARATOR = serialized(0x2029);

  static {
    for (int c = 0; c < ASCII.length; c++) {
      ASCII[c] = serialized(c);
    }
  }

  private final int[] asciiEscapeCodes;

  public GoJsonEscapes() {
    int[] codes = new int[ASCII.length];
    for (int c = 0; c < codes.length; c++) {
      codes[c] = ASCII[c] == null ? 0 : ESCAPE_CUSTOM;
    }
    this.asciiEscapeCodes = codes;
  }

  /**
   * The text Go writes for code point {@code c} inside a JSON string, or null when it writes {@code
   * c} itself.
   */
  public static String escape(int c) {
    return switch (c) {
      case '"' -> "\\\"";
      case '\\' -> "\\\\";
      case '\b' -> "\\b";
      case '\f' -> "\\f";
      case '\n' -> "\\n";
      case '\r' -> "\\r";
      case '\t' -> "\\t";
      // HTML-significant characters, and the two separators that end a JavaScript string literal.
      case '<', '>', '&', 0x2028, 0x2029 -> unicodeEscape(c);
      default -> c < 0x20 ? unicodeEscape(c) : null;
    };
  }

  @Override
  public int[] getEscapeCodesForAscii() {
    return asciiEscapeCodes.clone();
  }

  @Override
  public SerializableString getEscapeSequence(int ch) {
    if (ch < ASCII.length) {
      return ASCII[ch];
    }
    return switch (ch) {
      case 0x2028 -> LINE_SEPARATOR;
      case 0x2029 -> PARAGRAPH_SEPARATOR;
      default -> null;
    };
  }

  private static String unicodeEscape(int c) {
    return String.format("\\u%04x", c);
  }

  private static SerializedString serialized(int c) {
    String escape = escape(c);
    return escape == null ? null : new SerializedString(escape);
  }
}
