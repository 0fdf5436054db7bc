package dev.tributary.api.sources.ping;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class GoBase64Test {

  @ParameterizedTest
  @CsvSource({
    "SGVsbG8gV29ybGQu, Hello World.",
    "SGVsbG8=, Hello",
    "SGVsbA==, Hell",
    "SGVs, Hel",
    "'SG\nVs\r\nbG8=\n', Hello",
    "'QUJDRA\n=\n=', ABCD",
    "'', ''",
  })
  void decodesPaddedStandardBase64IgnoringNewlines(String encoded, String decoded) {
    assertThat(new String(GoBase64.decode(encoded), StandardCharsets.UTF_8)).isEqualTo(decoded);
  }

  @Test
  void decodesEveryByteValue() {
    byte[] all = new byte[256];
    for (int i = 0; i < all.length; i++) {
      all[i] = (byte) i;
    }
    for (int len = 0; len <= all.length; len += 37) {
      byte[] part = java.util.Arrays.copyOf(all, len);
      assertThat(GoBase64.decode(Base64.getEncoder().encodeToString(part))).isEqualTo(part);
    }
  }

  @ParameterizedTest
  @CsvSource({
    // upstream's own test case
    "'$$$ invalid base64 string $$$', 0",
    // a missing character is reported where the quantum started
    "SGVsbG8, 4",
    "SGVsbA=, 7",
    "SGVsbA=x, 6",
    "SGVsbG8=x, 8",
    "'QUJDRA=\n', 8",
    "'QUJD\nQQ', 5",
    "=AAA, 0",
    "A===, 1",
    "AAAA AAAA, 4",
    // offsets count UTF-8 bytes, not characters
    "AAé, 2",
    "AAAAé, 4",
  })
  void reportsGoErrorOffsets(String encoded, long offset) {
    assertThatThrownBy(() -> GoBase64.decode(encoded))
        .isInstanceOf(GoBase64.CorruptInputException.class)
        .hasMessage("illegal base64 data at input byte " + offset)
        .satisfies(
            e -> assertThat(((GoBase64.CorruptInputException) e).offset()).isEqualTo(offset));
  }
}
