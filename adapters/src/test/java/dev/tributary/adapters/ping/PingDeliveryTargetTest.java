package dev.tributary.adapters.ping;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.tributary.api.duck.DeliverySpec;
import dev.tributary.api.duck.Destination;
import dev.tributary.api.duck.KReference;
import dev.tributary.api.sources.ping.PingSource;
import dev.tributary.api.sources.ping.PingSourceSpec;
import dev.tributary.delivery.BackoffPolicy;
import dev.tributary.delivery.DeliveryTarget;
import dev.tributary.delivery.Encoding;
import java.net.URI;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;

class PingDeliveryTargetTest {

  private static final URI SINK = URI.create("http://event-display.default.svc.cluster.local");

  private static PingSource source(DeliverySpec delivery) {
    return PingSource.of(
        "team-a",
        "ping",
        PingSourceSpec.of(Destination.ofUri(SINK.toString()), "* * * * *").withDelivery(delivery));
  }

  private static DeliverySpec delivery(
      Destination dls, Integer retry, String timeout, String policy, String delay, String format) {
    return new DeliverySpec(dls, retry, timeout, policy, delay, null, format);
  }

  @Test
  void withoutDeliveryItIsKnativesFixedSourcePolicyWithKnNamespace() throws Exception {
    DeliveryTarget target = PingDeliveryTarget.of(source(null), SINK);

    assertThat(target.sink()).isEqualTo(SINK);
    assertThat(target.headers()).isEqualTo(Map.of("Kn-Namespace", "team-a"));
    assertThat(target.encoding()).isEqualTo(Encoding.BINARY);
    assertThat(target.deadLetterSink()).isNull();
    assertThat(target.retry().retries()).isEqualTo(5);
    assertThat(target.retry().backoffBeforeRetry(1)).isEqualTo(Duration.ofMillis(100));
    assertThat(target.retry().retryableStatus().test(500)).isFalse(); // sdk-go does not retry 500
    assertThat(target.retry().timeout()).isNull();
  }

  @Test
  void deliveryMapsRetryBackoffTimeoutFormatAndAUriDeadLetterSink() throws Exception {
    DeliveryTarget target =
        PingDeliveryTarget.of(
            source(
                delivery(
                    Destination.ofUri("http://dls.example/dead"),
                    3,
                    "PT2S",
                    "linear",
                    "PT0.2S",
                    "json")),
            SINK);

    assertThat(target.retry().retries()).isEqualTo(3);
    assertThat(target.retry().backoff()).isEqualTo(BackoffPolicy.LINEAR);
    assertThat(target.retry().backoffDelay()).isEqualTo(Duration.ofMillis(200));
    assertThat(target.retry().timeout()).isEqualTo(Duration.ofSeconds(2));
    assertThat(target.retry().retryableStatus().test(500)).isTrue(); // DeliverySpec semantics
    assertThat(target.deadLetterSink()).isEqualTo(URI.create("http://dls.example/dead"));
    assertThat(target.encoding()).isEqualTo(Encoding.STRUCTURED);
    assertThat(target.headers()).containsEntry("Kn-Namespace", "team-a");
  }

  @Test
  void aMinimalDeliveryMeansOneAttempt() throws Exception {
    DeliveryTarget target =
        PingDeliveryTarget.of(source(delivery(null, null, null, "exponential", null, null)), SINK);

    assertThat(target.retry().retries()).isZero();
    assertThat(target.retry().backoff()).isEqualTo(BackoffPolicy.EXPONENTIAL);
    assertThat(target.encoding()).isEqualTo(Encoding.BINARY);
  }

  @Test
  void aDeadLetterSinkRefIsIgnoredUntilItCanBeResolved() throws Exception {
    Destination ref = Destination.ofRef(KReference.of("v1", "Service", "team-a", "dead-letters"));

    assertThat(
            PingDeliveryTarget.of(source(delivery(ref, 1, null, null, null, null)), SINK)
                .deadLetterSink())
        .isNull();
  }

  @Test
  void unusableDeliveryValuesAreClearErrors() {
    assertThatThrownBy(
            () -> PingDeliveryTarget.of(source(delivery(null, 1, null, "cubic", null, null)), SINK))
        .isInstanceOf(InvalidPingSourceException.class)
        .hasMessage(
            "invalid PingSource team-a/ping: spec.delivery.backoffPolicy: unknown policy \"cubic\"");
    assertThatThrownBy(
            () -> PingDeliveryTarget.of(source(delivery(null, 1, "soon", null, null, null)), SINK))
        .isInstanceOf(InvalidPingSourceException.class)
        .hasMessageContaining("spec.delivery.timeout");
    assertThatThrownBy(
            () -> PingDeliveryTarget.of(source(delivery(null, -1, null, null, null, null)), SINK))
        .isInstanceOf(InvalidPingSourceException.class)
        .hasMessageContaining("spec.delivery: retries must be >= 0");
    assertThatThrownBy(
            () ->
                PingDeliveryTarget.of(
                    source(delivery(Destination.ofUri("/relative"), 1, null, null, null, null)),
                    SINK))
        .isInstanceOf(InvalidPingSourceException.class)
        .hasMessageContaining("spec.delivery.deadLetterSink.uri: not an absolute URI");
  }
}
