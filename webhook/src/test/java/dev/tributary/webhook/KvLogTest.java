package dev.tributary.webhook;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tributary.runtime.RecordingLogSink;
import org.junit.jupiter.api.Test;

class KvLogTest {
  @Test
  void writesKeyValueLinesQuotingWhatNeedsIt() {
    RecordingLogSink sink = new RecordingLogSink();
    new KvLog(sink)
        .info(
            "webhook ready",
            "key",
            "knative-eventing/eventing-webhook",
            "error",
            "a \"b\"",
            "n",
            3);
    assertThat(sink.lines())
        .containsExactly(
            "level=info msg=\"webhook ready\" key=knative-eventing/eventing-webhook"
                + " error=\"a \\\"b\\\"\" n=3");
  }
}
