package dev.tributary.local.apiserver.http;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.tributary.local.apiserver.errors.ApiException;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class JsonTest {

  @Test
  void truncatedBodyIs400NamingWhereItEnded() {
    assertThatThrownBy(() -> Json.parseObject("{\"kind\":".getBytes(StandardCharsets.UTF_8)))
        .isInstanceOfSatisfying(
            ApiException.class,
            e -> {
              assertThat(e.code()).isEqualTo(400);
              assertThat(e.reason()).isEqualTo("BadRequest");
              assertThat(e.getMessage())
                  .startsWith("the body of the request was in an unknown format: Unexpected end")
                  .contains("(line 1, column ")
                  .doesNotContain("Source")
                  .doesNotContain("StreamReadFeature");
            });
  }

  @Test
  void trailingGarbageIs400() {
    assertThatThrownBy(() -> Json.parseObject("{} x".getBytes(StandardCharsets.UTF_8)))
        .isInstanceOfSatisfying(
            ApiException.class,
            e ->
                assertThat(e.getMessage())
                    .startsWith("the body of the request was in an unknown format: ")
                    .doesNotContain("Source"));
  }
}
