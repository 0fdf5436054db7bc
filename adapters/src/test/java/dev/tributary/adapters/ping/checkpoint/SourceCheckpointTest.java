package dev.tributary.adapters.ping.checkpoint;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;

class SourceCheckpointTest {

  static final Instant T0 = Instant.parse("2026-11-29T17:00:00Z");
  static final Instant T1 = T0.plusSeconds(1);
  static final Instant T2 = T0.plusSeconds(2);

  @Test
  void claimingMovesClaimedForwardAndKeepsTheTickPendingUntilItEnds() {
    SourceCheckpoint checkpoint = new SourceCheckpoint("uid-1", T0, new TreeSet<>());

    SourceCheckpoint claimed = checkpoint.claim(T1).claim(T2);
    assertThat(claimed.claimed()).isEqualTo(T2);
    assertThat(claimed.pending()).containsExactly(T1, T2);

    SourceCheckpoint ended = claimed.ended(T1);
    assertThat(ended.claimed()).isEqualTo(T2);
    assertThat(ended.pending()).containsExactly(T2);
    assertThat(ended.ended(T1)).isSameAs(ended);
    assertThat(checkpoint.pending()).isEmpty();
  }

  @Test
  void roundTripsThroughItsJson() {
    SourceCheckpoint checkpoint = new SourceCheckpoint("uid-1", T0, new TreeSet<>()).claim(T1);

    String json = checkpoint.toJson();

    assertThat(json)
        .isEqualTo(
            "{\"uid\":\"uid-1\",\"claimed\":\"2026-11-29T17:00:01Z\","
                + "\"pending\":[\"2026-11-29T17:00:01Z\"]}");
    assertThat(SourceCheckpoint.fromJson(json)).isEqualTo(checkpoint);
  }

  @Test
  void refusesWhatItDidNotWrite() {
    assertThatThrownBy(() -> SourceCheckpoint.fromJson("{\"uid\":\"x\"}"))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> SourceCheckpoint.fromJson("{\"claimed\":\"yesterday\"}"))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> SourceCheckpoint.fromJson("not json"))
        .isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void dataKeysSplitAtTheFirstDotBecauseNamespacesHaveNone() {
    assertThat(ConfigMapCheckpointStore.dataKey("ns/my.source")).isEqualTo("ns.my.source");
    assertThat(ConfigMapCheckpointStore.sourceKey("ns.my.source")).isEqualTo("ns/my.source");
  }
}
