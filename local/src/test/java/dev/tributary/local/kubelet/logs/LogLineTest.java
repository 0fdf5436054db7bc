package dev.tributary.local.kubelet.logs;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class LogLineTest {

  private static final Instant T = Instant.parse("2024-05-01T10:00:00.25Z");

  @Test
  void isWrittenInTheCriFormat() {
    assertThat(new String(new LogLine(T, "hello world").toCri(), StandardCharsets.UTF_8))
        .isEqualTo("2024-05-01T10:00:00.25Z stdout F hello world\n");
  }

  @Test
  void readsBackWhatItWrites() {
    for (String text : new String[] {"hello world", "", "  indented", "a stdout F b"}) {
      String cri = new String(new LogLine(T, text).toCri(), StandardCharsets.UTF_8);
      assertThat(LogLine.parseCri(cri.substring(0, cri.length() - 1)))
          .contains(new LogLine(T, text));
    }
  }

  @Test
  void readsOtherStreamsAndPartialTags() {
    assertThat(LogLine.parseCri("2024-05-01T10:00:00Z stderr P oops"))
        .contains(new LogLine(Instant.parse("2024-05-01T10:00:00Z"), "oops"));
  }

  @Test
  void refusesWhatIsNotCri() {
    assertThat(LogLine.parseCri("hello")).isEmpty();
    assertThat(LogLine.parseCri("yesterday stdout F hello")).isEmpty();
  }
}
