package dev.tributary.api.sources.ping;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tributary.api.duck.Destination;
import dev.tributary.api.duck.KReference;
import org.junit.jupiter.api.Test;

class PingSourceDefaultsTest {

  private static final Destination SINK =
      Destination.ofRef(KReference.of("v1", "Service", null, "event-display"));

  @Test
  void defaultsAnEmptyScheduleToEveryMinute() {
    PingSourceSpec spec = PingSourceSpec.EMPTY.withSink(SINK);
    assertThat(PingSourceDefaults.apply(spec).schedule()).isEqualTo("* * * * *");
    assertThat(PingSourceDefaults.apply(null))
        .isEqualTo(PingSourceSpec.EMPTY.withSchedule("* * * * *"));
  }

  @Test
  void keepsAGivenScheduleAndTouchesNothingElse() {
    PingSourceSpec spec = PingSourceSpec.of(SINK, "*/1 * * * *");
    assertThat(PingSourceDefaults.apply(spec, "default")).isSameAs(spec);
  }

  @Test
  void leavesTheSinkNamespaceTimezoneAndContentTypeAlone() {
    PingSourceSpec defaulted =
        PingSourceDefaults.apply(PingSourceSpec.EMPTY.withSink(SINK), "default");
    assertThat(defaulted.sink().ref().namespace()).isNull();
    assertThat(defaulted.timezone()).isEmpty();
    assertThat(defaulted.contentType()).isEmpty();
  }

  @Test
  void isIdempotentAndDoesNotMutate() {
    PingSourceSpec spec = PingSourceSpec.EMPTY.withSink(SINK);
    PingSourceSpec once = PingSourceDefaults.apply(spec);
    assertThat(PingSourceDefaults.apply(once)).isEqualTo(once);
    assertThat(spec.schedule()).isEmpty();
  }
}
