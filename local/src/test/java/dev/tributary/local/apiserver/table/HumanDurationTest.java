package dev.tributary.local.apiserver.table;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class HumanDurationTest {

  @ParameterizedTest(name = "{0} -> {1}")
  @CsvSource({
    "PT0S, 0s",
    "PT0.9S, 0s",
    "PT59S, 59s",
    "PT1M59S, 119s",
    "PT2M, 2m",
    "PT2M30S, 2m30s",
    "PT9M59S, 9m59s",
    "PT10M, 10m",
    "PT10M59S, 10m",
    "PT2H59M, 179m",
    "PT3H, 3h",
    "PT3H5M, 3h5m",
    "PT7H59M59S, 7h59m",
    "PT8H, 8h",
    "PT47H, 47h",
    "PT48H, 2d",
    "PT53H, 2d5h",
    "PT191H, 7d23h",
    "PT192H, 8d",
    "P729D, 729d",
    "P730D, 2y",
    "P731D, 2y1d",
    "P2919D, 7y364d",
    "P2920D, 8y",
    "P5000D, 13y",
    "PT-1S, 0s",
    "PT-1.5S, 0s",
    "PT-2S, <invalid>",
  })
  void humanDurationMatchesKubernetes(Duration duration, String expected) {
    assertThat(HumanDuration.human(duration)).isEqualTo(expected);
  }

  @ParameterizedTest(name = "{0} -> {1}")
  @CsvSource({
    "PT0S, 0s",
    "PT59S, 59s",
    "PT60S, 1m",
    "PT3M12S, 3m",
    "PT59M59S, 59m",
    "PT1H, 1h",
    "PT23H59M, 23h",
    "PT24H, 1d",
    "P364D, 364d",
    "P365D, 1y",
    "P1000D, 2y",
    "PT-1S, 0s",
    "PT-2S, <invalid>",
  })
  void shortHumanDurationMatchesKubernetes(Duration duration, String expected) {
    assertThat(HumanDuration.shortHuman(duration)).isEqualTo(expected);
  }
}
