package dev.tributary.adapters.ping;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tributary.runtime.RecordingLogSink;
import org.junit.jupiter.api.Test;

class KvLogTest {

  @Test
  void writesKeyValueLinesQuotingWhatNeedsIt() {
    RecordingLogSink sink = new RecordingLogSink();
    KvLog log = new KvLog(sink);

    log.info("ping source scheduled", "key", "ns/a", "schedule", "* * * * *", "empty", "");
    log.error("failed", "error", "bad \"quote\"\nnext");

    assertThat(sink.lines())
        .containsExactly(
            "level=info msg=\"ping source scheduled\" key=ns/a schedule=\"* * * * *\" empty=\"\"",
            "level=error msg=failed error=\"bad \\\"quote\\\"\\nnext\"");
  }
}
