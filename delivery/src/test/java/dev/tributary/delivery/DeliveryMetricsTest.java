package dev.tributary.delivery;

import static org.assertj.core.api.Assertions.assertThat;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.net.URI;
import org.junit.jupiter.api.Test;

class DeliveryMetricsTest {

  @Test
  void codeClasses() {
    assertThat(DeliveryMetrics.codeClass(200)).isEqualTo("2xx");
    assertThat(DeliveryMetrics.codeClass(204)).isEqualTo("2xx");
    assertThat(DeliveryMetrics.codeClass(404)).isEqualTo("4xx");
    assertThat(DeliveryMetrics.codeClass(503)).isEqualTo("5xx");
    assertThat(DeliveryMetrics.codeClass(-1)).isEqualTo("error");
  }

  @Test
  void countsOutcomesByCodeClass() {
    SimpleMeterRegistry registry = new SimpleMeterRegistry();
    DeliveryMetrics metrics = new DeliveryMetrics(registry);

    metrics.outcome(new DeliveryOutcome.Delivered(202, 1));
    metrics.outcome(new DeliveryOutcome.Delivered(200, 3));
    metrics.outcome(new DeliveryOutcome.Failed("boom", -1, 6));
    metrics.outcome(new DeliveryOutcome.DeadLettered(URI.create("http://dls"), 500, 3));
    metrics.rejected(415);

    assertThat(registry.counter(DeliveryMetrics.EVENTS_SENT, "response_code_class", "2xx").count())
        .isEqualTo(2);
    assertThat(
            registry.counter(DeliveryMetrics.EVENTS_FAILED, "response_code_class", "error").count())
        .isEqualTo(1);
    assertThat(
            registry
                .counter(DeliveryMetrics.EVENTS_DEAD_LETTERED, "response_code_class", "5xx")
                .count())
        .isEqualTo(1);
    assertThat(registry.counter(DeliveryMetrics.RECEIVER_REJECTED, "response_code", "415").count())
        .isEqualTo(1);
  }

  @Test
  void noopRecordsNowhere() {
    DeliveryMetrics metrics = DeliveryMetrics.noop();

    metrics.retried();

    assertThat(metrics.registry().getMeters())
        .allSatisfy(
            m ->
                assertThat(m.measure())
                    .allSatisfy(sample -> assertThat(sample.getValue()).isZero()));
  }

  @Test
  void describesOutcomesOnOneLine() {
    assertThat(new DeliveryOutcome.Delivered(200, 2).describe())
        .isEqualTo("outcome=delivered status=200 attempts=2");
    assertThat(new DeliveryOutcome.Failed("unable to complete request", 503, 6).describe())
        .isEqualTo("outcome=failed status=503 attempts=6 reason=\"unable to complete request\"");
  }
}
