package dev.tributary.api.sources.ping.v1beta1;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class PingSourceDefaultsTest {

  @Test
  void defaultsAnEmptyScheduleOnly() {
    PingSourceSpec spec = PingSourceSpec.EMPTY.withJsonData("{}");
    PingSourceSpec defaulted = PingSourceDefaults.apply(spec);
    assertThat(defaulted).isEqualTo(spec.withSchedule("* * * * *"));
    assertThat(PingSourceDefaults.apply(defaulted)).isSameAs(defaulted);
    assertThat(spec.schedule()).isEmpty();
    assertThat(PingSourceDefaults.apply(null).schedule()).isEqualTo("* * * * *");
  }
}
