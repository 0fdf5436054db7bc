package dev.tributary.adapters.ping.leader;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.NullAndEmptySource;
import org.junit.jupiter.params.provider.ValueSource;

class LeaderElectionSettingsTest {

  @ParameterizedTest
  @NullAndEmptySource
  @ValueSource(strings = {"  "})
  void noSettingsMeanUpstreamAdapterFallback(String json) {
    LeaderElectionSettings settings = LeaderElectionSettings.parse(json);

    assertThat(settings.buckets()).isEqualTo(1);
    assertThat(settings.leaseDuration()).isEqualTo(Duration.ofSeconds(15));
    assertThat(settings.renewDeadline()).isEqualTo(Duration.ofSeconds(10));
    assertThat(settings.retryPeriod()).isEqualTo(Duration.ofSeconds(2));
    assertThat(settings.identity()).isNull();
  }

  @Test
  void readsGoDurationsInNanosecondsAndIgnoresComponent() {
    LeaderElectionSettings settings =
        LeaderElectionSettings.parse(
            """
            {"Component":"pingsource","Buckets":3,"LeaseDuration":60000000000,
             "RenewDeadline":40000000000,"RetryPeriod":10000000000,"Identity":"pod-1"}
            """);

    assertThat(settings.buckets()).isEqualTo(3);
    assertThat(settings.leaseDuration()).isEqualTo(Duration.ofSeconds(60));
    assertThat(settings.renewDeadline()).isEqualTo(Duration.ofSeconds(40));
    assertThat(settings.retryPeriod()).isEqualTo(Duration.ofSeconds(10));
    assertThat(settings.identityOr("fallback")).isEqualTo("pod-1");
    assertThat(settings.leaseNames("pingsource-mt-adapter", "q"))
        .containsExactly(
            "pingsource-mt-adapter.q.00-of-03",
            "pingsource-mt-adapter.q.01-of-03",
            "pingsource-mt-adapter.q.02-of-03");
  }

  @Test
  void missingKeysOfAnObjectTakeTheirDefaults() {
    LeaderElectionSettings settings = LeaderElectionSettings.parse("{\"Buckets\":2}");

    assertThat(settings.buckets()).isEqualTo(2);
    assertThat(settings.leaseDuration()).isEqualTo(Duration.ofSeconds(15));
    assertThat(settings.identityOr("host_uuid")).isEqualTo("host_uuid");
  }

  @Test
  void leaseNamesAreUpstreamsBucketNamesLowerCased() {
    assertThat(
            LeaderElectionSettings.DEFAULTS.leaseNames(
                LeaderElectionSettings.COMPONENT, LeaderElectionSettings.QUEUE_NAME))
        .containsExactly(
            "pingsource-mt-adapter.knative.dev.eventing.pkg.adapter.mtping.reconciler.00-of-01");
  }

  @Test
  void aPrefixMappingReplacesComponentAndQueue() {
    LeaderElectionSettings settings =
        LeaderElectionSettings.parse(
            "{\"LeaseNamesPrefixMapping\":{\"my-comp.queue-queue\":\"My-Comp-2.queue\"}}");

    assertThat(settings.leaseNames("my-comp", "queue-queue"))
        .containsExactly("my-comp-2.queue.00-of-01");
    assertThat(settings.leaseNames("other", "queue")).containsExactly("other.queue.00-of-01");
  }

  @Test
  void refusesWhatCannotWork() {
    assertThatThrownBy(() -> LeaderElectionSettings.parse("[1]"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("JSON object");
    assertThatThrownBy(() -> LeaderElectionSettings.parse("{"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("not valid JSON");
    assertThatThrownBy(() -> LeaderElectionSettings.parse("{\"Buckets\":0}"))
        .hasMessageContaining("Buckets");
    assertThatThrownBy(() -> LeaderElectionSettings.parse("{\"LeaseDuration\":\"15s\"}"))
        .hasMessageContaining("LeaseDuration must be an integer");
    assertThatThrownBy(
            () ->
                LeaderElectionSettings.parse(
                    "{\"LeaseDuration\":1000000000,\"RenewDeadline\":2000000000}"))
        .hasMessageContaining("shorter than LeaseDuration");
  }
}
