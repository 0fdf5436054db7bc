package dev.tributary.api.sources.apiserver;

import com.fasterxml.jackson.core.SerializableString;
import com.fasterxml.jackson.core.io.CharacterEscapes;
import com.fasterxml.jackson.core.io.SerializedString;

/**
 * Jackson string escaping as Go's {@code encoding/json.Marshal} does it, so that JSON Tributary
 * writes for Knative's Go-made strings (such as {@code K_SOURCE_CONFIG}) is the same text: {@code
 * <}, {@code >} and {@code &} become <code>&#92;u003c</code>, <code>&#92;u003e</code>, <code>
 * &#92;u0026</code>; U+2028 and U+2029 become <code>&#92;u2028</code> and <code>&#92;u2029</code>;
 * control characters use <code>&#92;b &#92;t &#92;n &#92;f &#92;r</code> or <code>&#92;u00xx</code>
 * . Combine with {@code JsonWriteFeature.WRITE_HEX_UPPER_CASE} disabled, since Go writes lower-case
 * hex digits.
 *
 * <p>Immutable and thread-safe.
 */
public final class GoJsonEscapes extends CharacterEscapes {
  private static final SerializedString LT = new SerializedString("\\u003c");
  private static final SerializedString GT = new SerializedString("\\u003e");
  private static final SerializedString AMP = new SerializedString("\\u0026");
  private static final SerializedString LINE_SEPARATOR = new SerializedString("\\u2028");
  private static final SerializedString PARAGRAPH_SEPARATOR = new SerializedString("\\u2029");

  private final int[] asciiEscapes;

  public GoJsonEscapes() {
    int[] escapes = CharacterEscapes.standardAsciiEscapesForJSON();
    escapes['<'] = ESCAPE_CUSTOM;
    escapes['>'] = ESCAPE_CUSTOM;
    escapes['&'] = ESCAPE_CUSTOM;
    this.asciiEscapes = escapes;
  }

  @Override
  public int[] getEscapeCodesForAscii() {
    return asciiEscapes.clone();
  }

  @Override
  public SerializableString getEscapeSequence(int ch) {
    return switch (ch) {
      case '<' -> LT;
      case '>' -> GT;
      case '&' -> AMP;
      case 0x2028 -> LINE_SEPARATOR;
      case 0x2029 -> PARAGRAPH_SEPARATOR;
      default -> null;
    };
  }
}
