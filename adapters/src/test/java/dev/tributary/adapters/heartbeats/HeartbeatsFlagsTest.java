package dev.tributary.adapters.heartbeats;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class HeartbeatsFlagsTest {

  @Test
  void usageIsWhatUpstreamsGoBinaryPrints() {
    assertThat(HeartbeatsFlags.FLAGS.usage())
        .isEqualTo(
            """
            Usage of heartbeats:
              -cacerts string
                \tthe ca cert for the host url to heartbeat to
              -eventSource string
                \tthe event-source (CloudEvents)
              -eventType string
                \tthe event-type (CloudEvents) (default "dev.knative.eventing.samples.heartbeat")
              -label string
                \ta special label
              -msg string
                \tmessage content in data.msg
              -period string
                \tthe duration between heartbeats. Supported formats: Go \
            (https://pkg.go.dev/time#ParseDuration), integers (interpreted as seconds) \
            (default "5s")
              -sink string
                \tthe host url to heartbeat to""");
  }
}
