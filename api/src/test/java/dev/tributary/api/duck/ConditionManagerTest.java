package dev.tributary.api.duck;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;

class ConditionManagerTest {
  private static final ConditionSet SET = ConditionSet.living("SinkProvided", "Deployed");

  private final AtomicReference<Instant> now =
      new AtomicReference<>(Instant.parse("2026-01-01T00:00:00Z"));
  private final Clock clock =
      new Clock() {
        @Override
        public ZoneOffset getZone() {
          return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(java.time.ZoneId zone) {
          return this;
        }

        @Override
        public Instant instant() {
          return now.get();
        }
      };
  private final SourceStatus status = new SourceStatus();
  private final ConditionManager conditions = SET.manage(status, clock);

  @Test
  void initializeSetsEveryConditionUnknownSortedByType() {
    conditions.initialize();
    assertThat(status.getConditions())
        .extracting(Condition::type, Condition::status)
        .containsExactly(
            org.assertj.core.groups.Tuple.tuple("Deployed", "Unknown"),
            org.assertj.core.groups.Tuple.tuple("Ready", "Unknown"),
            org.assertj.core.groups.Tuple.tuple("SinkProvided", "Unknown"));
  }

  @Test
  void readyIsTrueOnlyWhenEveryDependentIs() {
    conditions.initialize();
    conditions.markTrue("SinkProvided");
    assertThat(conditions.isHappy()).isFalse();
    assertThat(conditions.get("Ready").orElseThrow().status()).isEqualTo("Unknown");
    conditions.markTrue("Deployed");
    assertThat(conditions.isHappy()).isTrue();
  }

  @Test
  void falseDependentMakesReadyFalseWithItsReasonAndMessage() {
    conditions.initialize();
    conditions.markTrue("Deployed");
    conditions.markFalse("SinkProvided", "NotFound", "no sink");
    Condition ready = conditions.get("Ready").orElseThrow();
    assertThat(ready.status()).isEqualTo("False");
    assertThat(ready.reason()).isEqualTo("NotFound");
    assertThat(ready.message()).isEqualTo("no sink");
  }

  @Test
  void unknownDependentDoesNotHideAFalseOne() {
    conditions.initialize();
    conditions.markFalse("SinkProvided", "NotFound", "");
    conditions.markUnknown("Deployed", "DeploymentUnavailable", "wait");
    assertThat(conditions.get("Ready").orElseThrow().status()).isEqualTo("False");
    assertThat(conditions.get("Deployed").orElseThrow().status()).isEqualTo("Unknown");
  }

  @Test
  void lastTransitionTimeMovesOnlyWhenTheConditionChanges() {
    conditions.initialize();
    conditions.markTrue("SinkProvided");
    String first = conditions.get("SinkProvided").orElseThrow().lastTransitionTime();
    assertThat(first).isEqualTo("2026-01-01T00:00:00Z");

    now.set(Instant.parse("2026-01-01T00:05:00Z"));
    conditions.markTrue("SinkProvided");
    assertThat(conditions.get("SinkProvided").orElseThrow().lastTransitionTime()).isEqualTo(first);

    conditions.markFalse("SinkProvided", "NotFound", "");
    assertThat(conditions.get("SinkProvided").orElseThrow().lastTransitionTime())
        .isEqualTo("2026-01-01T00:05:00Z");
  }

  @Test
  void nonTerminalConditionsAreInfoAndDoNotAffectReady() {
    conditions.initialize();
    conditions.markTrue("SinkProvided");
    conditions.markTrue("Deployed");
    conditions.markFalse("Extra", "Meh", "");
    assertThat(conditions.get("Extra").orElseThrow().severity()).isEqualTo("Info");
    assertThat(conditions.isHappy()).isTrue();
    conditions.clear("Extra");
    assertThat(conditions.get("Extra")).isEmpty();
    assertThatThrownBy(() -> conditions.clear("Deployed"))
        .hasMessage("clearing terminal conditions not implemented");
  }
}
