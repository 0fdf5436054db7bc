package dev.tributary.delivery;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class RetryPolicyTest {

  @Test
  void sourceDefaultWaitsLikeSdkGoExponentialWith50msPeriod() {
    RetryPolicy policy = RetryPolicy.sourceDefault();

    assertThat(policy.retries()).isEqualTo(5);
    assertThat(waits(policy)).containsExactly(100L, 200L, 400L, 800L, 1600L);
    assertThat(policy.timeout()).isNull();
  }

  @Test
  void heartbeatsDefaultWaitsLikeSdkGoExponentialWith20msPeriod() {
    RetryPolicy policy = RetryPolicy.heartbeatsDefault();

    assertThat(policy.retries()).isEqualTo(10);
    assertThat(waits(policy))
        .containsExactly(40L, 80L, 160L, 320L, 640L, 1280L, 2560L, 5120L, 10240L, 20480L);
  }

  @ParameterizedTest
  @ValueSource(ints = {-1, 404, 413, 425, 429, 502, 503, 504})
  void sdkGoRetriesOnlyItsCodes(int status) {
    assertThat(RetryPolicy.sourceDefault().retryableStatus().test(status)).isTrue();
  }

  @ParameterizedTest
  @ValueSource(ints = {200, 301, 400, 401, 408, 409, 500, 501, 505})
  void sdkGoDoesNotRetryOtherCodes(int status) {
    assertThat(RetryPolicy.sourceDefault().retryableStatus().test(status)).isFalse();
  }

  @ParameterizedTest
  @ValueSource(ints = {-1, 404, 408, 409, 429, 500, 501, 502, 503, 599})
  void deliverySpecRetriesSelectively(int status) {
    assertThat(RetryPolicy.fromDeliverySpec(3, null, null, null).retryableStatus().test(status))
        .isTrue();
  }

  @ParameterizedTest
  @ValueSource(ints = {100, 200, 204, 302, 400, 401, 403, 410, 413, 425})
  void deliverySpecDoesNotRetryOtherCodes(int status) {
    assertThat(RetryPolicy.fromDeliverySpec(3, null, null, null).retryableStatus().test(status))
        .isFalse();
  }

  @Test
  void deliverySpecExponentialStartsAtTheDelay() {
    RetryPolicy policy =
        RetryPolicy.fromDeliverySpec(4, BackoffPolicy.EXPONENTIAL, Duration.ofMillis(200), null);

    assertThat(waits(policy)).containsExactly(200L, 400L, 800L, 1600L);
  }

  @Test
  void deliverySpecLinearRetriesImmediatelyFirst() {
    RetryPolicy policy =
        RetryPolicy.fromDeliverySpec(4, BackoffPolicy.LINEAR, Duration.ofMillis(200), null);

    assertThat(waits(policy)).containsExactly(0L, 200L, 400L, 600L);
  }

  @Test
  void deliverySpecWithoutBothPolicyAndDelayRetriesBackToBack() {
    assertThat(waits(RetryPolicy.fromDeliverySpec(3, BackoffPolicy.EXPONENTIAL, null, null)))
        .containsExactly(0L, 0L, 0L);
    assertThat(waits(RetryPolicy.fromDeliverySpec(3, null, Duration.ofSeconds(1), null)))
        .containsExactly(0L, 0L, 0L);
  }

  @Test
  void deliverySpecDefaultsToNoRetryAndNoTimeout() {
    RetryPolicy policy = RetryPolicy.fromDeliverySpec(null, null, null, Duration.ZERO);

    assertThat(policy.retries()).isZero();
    assertThat(policy.timeout()).isNull();
    assertThat(RetryPolicy.fromDeliverySpec(1, null, null, Duration.ofSeconds(2)).timeout())
        .isEqualTo(Duration.ofSeconds(2));
  }

  @Test
  void exponentialHasNoCapButSaturatesInsteadOfOverflowing() {
    RetryPolicy policy =
        RetryPolicy.fromDeliverySpec(100, BackoffPolicy.EXPONENTIAL, Duration.ofSeconds(1), null);

    assertThat(policy.backoffBeforeRetry(21)).isEqualTo(Duration.ofSeconds(1L << 20));
    assertThat(policy.backoffBeforeRetry(100)).isEqualTo(Duration.ofMillis(Long.MAX_VALUE));
  }

  @Test
  void withTimeoutKeepsEverythingElse() {
    RetryPolicy policy = RetryPolicy.sourceDefault().withTimeout(Duration.ofSeconds(3));

    assertThat(policy.timeout()).isEqualTo(Duration.ofSeconds(3));
    assertThat(waits(policy)).containsExactly(100L, 200L, 400L, 800L, 1600L);
  }

  @Test
  void rejectsNonsense() {
    assertThatThrownBy(() -> RetryPolicy.fromDeliverySpec(-1, null, null, null))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> RetryPolicy.sourceDefault().backoffBeforeRetry(0))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> RetryPolicy.none().withTimeout(Duration.ofMillis(-5)))
        .isInstanceOf(IllegalArgumentException.class);
  }

  private static long[] waits(RetryPolicy policy) {
    return IntStream.rangeClosed(1, policy.retries())
        .mapToLong(n -> policy.backoffBeforeRetry(n).toMillis())
        .toArray();
  }
}
