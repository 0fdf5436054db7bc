package dev.tributary.local.apiserver.http;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.tributary.local.apiserver.errors.ApiException;
import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.Test;

class PodLogOptionsTest {

  @Test
  void readsEveryOption() {
    PodLogOptions options =
        PodLogOptions.parse(
            "web",
            Map.of(
                "container", "app",
                "follow", "true",
                "previous", "1",
                "timestamps", "true",
                "tailLines", "2",
                "limitBytes", "100",
                "sinceTime", "2024-05-01T10:00:00Z"));

    assertThat(options)
        .isEqualTo(
            new PodLogOptions(
                "app", true, true, true, 2L, 100L, null, Instant.parse("2024-05-01T10:00:00Z")));
  }

  @Test
  void sinceSecondsCountsBackFromNow() {
    Instant now = Instant.parse("2024-05-01T10:00:00Z");
    assertThat(PodLogOptions.parse("web", Map.of("sinceSeconds", "60")).since(now))
        .isEqualTo(now.minusSeconds(60));
    assertThat(PodLogOptions.parse("web", Map.of()).since(now)).isNull();
  }

  @Test
  void outOfRangeValuesAreInvalidAsKubernetesSays() {
    assertThatThrownBy(() -> PodLogOptions.parse("web", Map.of("tailLines", "-1")))
        .isInstanceOf(ApiException.class)
        .hasMessage(
            "PodLogOptions \"web\" is invalid: tailLines: Invalid value: -1: must be greater than"
                + " or equal to 0")
        .extracting(e -> ((ApiException) e).code())
        .isEqualTo(422);
    assertThatThrownBy(() -> PodLogOptions.parse("web", Map.of("limitBytes", "0")))
        .hasMessage(
            "PodLogOptions \"web\" is invalid: limitBytes: Invalid value: 0: must be greater than"
                + " 0");
    assertThatThrownBy(
            () ->
                PodLogOptions.parse(
                    "web", Map.of("sinceSeconds", "5", "sinceTime", "2024-05-01T10:00:00Z")))
        .hasMessage(
            "PodLogOptions \"web\" is invalid: Forbidden: at most one of `sinceTime` or"
                + " `sinceSeconds` may be specified");
  }

  @Test
  void textWhereANumberOrTimeBelongsIsABadRequest() {
    assertThatThrownBy(() -> PodLogOptions.parse("web", Map.of("tailLines", "x")))
        .extracting(e -> ((ApiException) e).code())
        .isEqualTo(400);
    assertThatThrownBy(() -> PodLogOptions.parse("web", Map.of("sinceTime", "yesterday")))
        .extracting(e -> ((ApiException) e).code())
        .isEqualTo(400);
  }
}
