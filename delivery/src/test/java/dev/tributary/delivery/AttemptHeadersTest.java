package dev.tributary.delivery;

import static org.assertj.core.api.Assertions.assertThat;

import io.vertx.core.MultiMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class AttemptHeadersTest {

  @Test
  void plainHeadersBecomeReadOnlyWithTheBodyLengthLast() {
    MultiMap headers =
        MultiMap.caseInsensitiveMultiMap()
            .add("ce-id", "1")
            .add("ce-source", "https://example.com/a?b=c#d")
            .add("Content-Type", "application/json; charset=\"utf-8\"")
            .add("ce-tab", "a\tb café");

    MultiMap prepared = AttemptHeaders.prepare(headers, 19);

    assertThat(prepared.isMutable()).isFalse();
    assertThat(pairs(prepared))
        .containsExactly(
            Map.entry("ce-id", "1"),
            Map.entry("ce-source", "https://example.com/a?b=c#d"),
            Map.entry("Content-Type", "application/json; charset=\"utf-8\""),
            Map.entry("ce-tab", "a\tb café"),
            Map.entry("content-length", "19"));
  }

  @Test
  void keepsAContentLengthTheCallerSet() {
    MultiMap headers = MultiMap.caseInsensitiveMultiMap().add("Content-Length", "3");

    assertThat(pairs(AttemptHeaders.prepare(headers, 7)))
        .containsExactly(Map.entry("Content-Length", "3"));
  }

  @ParameterizedTest
  @ValueSource(strings = {"a\r\nb", "a\nb", "a\u0000b", "a\u007fb", "\r\n folded"})
  void leavesValuesWithControlCharactersToVertxValidation(String value) {
    MultiMap headers = MultiMap.caseInsensitiveMultiMap().add("ce-x", value);

    MultiMap prepared = AttemptHeaders.prepare(headers, 0);

    assertThat(prepared).isSameAs(headers);
    assertThat(prepared.isMutable()).isTrue();
  }

  @ParameterizedTest
  @ValueSource(strings = {"", "a b", "a:b", "a/b", "é", "a\nb", "{x}"})
  void leavesNamesThatAreNotTokensToVertxValidation(String name) {
    MultiMap headers = MultiMap.caseInsensitiveMultiMap().add(name, "v");

    assertThat(AttemptHeaders.prepare(headers, 0)).isSameAs(headers);
  }

  private static List<Map.Entry<String, String>> pairs(MultiMap headers) {
    return headers.entries().stream()
        .map(header -> Map.entry(header.getKey(), header.getValue()))
        .toList();
  }
}
