package dev.tributary.runtime;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class GoLogTest {

  @Test
  void prefixesDateAndTimeAsGosStandardLogger() {
    List<String> lines = new ArrayList<>();
    Clock clock = Clock.fixed(Instant.parse("2020-09-09T06:31:17.811Z"), ZoneOffset.UTC);

    new GoLog(lines::add, clock).print("sending cloudevent to http://sink");

    assertThat(lines).containsExactly("2020/09/09 06:31:17 sending cloudevent to http://sink");
  }
}
