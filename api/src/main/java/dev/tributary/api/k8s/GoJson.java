package dev.tributary.api.k8s;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.SerializableString;
import com.fasterxml.jackson.core.io.CharacterEscapes;
import com.fasterxml.jackson.core.io.SerializedString;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.util.Arrays;

/**
 * JSON text byte for byte as Go's {@code encoding/json.Marshal} writes it: no spaces, map keys
 * sorted, and Go's escaping ({@code <}, {@code >}, {@code &}, U+2028 and U+2029 as {@code \\u}
 * escapes, other control characters as lower-case {@code \\u00xx}). Used where Knative puts JSON
 * into text users see, such as {@code K_CE_OVERRIDES} and validation messages.
 *
 * <p>Thread-safe.
 */
public final class GoJson {
  private static final ObjectMapper MAPPER = newMapper();

  private GoJson() {}

  /**
   * {@code value} as Go would marshal the equivalent Go value.
   *
   * @throws IllegalArgumentException if Jackson cannot serialize it
   */
  public static String write(Object value) {
    try {
      return MAPPER.writeValueAsString(value);
    } catch (JsonProcessingException e) {
      throw new IllegalArgumentException("cannot write JSON: " + e.getMessage(), e);
    }
  }

  private static ObjectMapper newMapper() {
    ObjectMapper mapper = new ObjectMapper();
    mapper.configure(SerializationFeature.ORDER_MAP_ENTRIES_BY_KEYS, true);
    mapper.getFactory().setCharacterEscapes(new GoEscapes());
    return mapper;
  }

  private static final class GoEscapes extends CharacterEscapes {
    private final int[] ascii;

    GoEscapes() {
      int[] codes = CharacterEscapes.standardAsciiEscapesForJSON();
      ascii = Arrays.copyOf(codes, codes.length);
      for (int c = 0; c < 0x20; c++) {
        // Jackson writes \b \t \n \f \r as Go does; Go writes the rest in lower-case hex.
        if (c != '\b' && c != '\t' && c != '\n' && c != '\f' && c != '\r') {
          ascii[c] = ESCAPE_CUSTOM;
        }
      }
      ascii['<'] = ESCAPE_CUSTOM;
      ascii['>'] = ESCAPE_CUSTOM;
      ascii['&'] = ESCAPE_CUSTOM;
    }

    @Override
    public int[] getEscapeCodesForAscii() {
      return ascii;
    }

    @Override
    public SerializableString getEscapeSequence(int ch) {
      if ((ch < 0x80 && ascii[ch] == ESCAPE_CUSTOM) || ch == 0x2028 || ch == 0x2029) {
        return new SerializedString(String.format("\\u%04x", ch));
      }
      return null;
    }
  }
}
