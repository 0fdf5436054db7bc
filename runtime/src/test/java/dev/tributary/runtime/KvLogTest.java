package dev.tributary.runtime;

import static org.assertj.core.api.Assertions.assertThat;

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

  @Test
  void aKeyedLogPutsTheKeyOnEveryLineAfterTheMessage() {
    RecordingLogSink sink = new RecordingLogSink();

    new KvLog(sink).withKey("ns/source").warn("watch failed", "code", 403);

    assertThat(sink.lines())
        .containsExactly("level=warn msg=\"watch failed\" key=ns/source code=403");
  }
}
