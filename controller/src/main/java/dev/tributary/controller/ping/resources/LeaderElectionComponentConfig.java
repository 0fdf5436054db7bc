package dev.tributary.controller.ping.resources;

import dev.tributary.api.gojson.GoJson;
import java.time.Duration;

/**
 * knative.dev/pkg's leader-election {@code ComponentConfig} for one component, as the controller
 * hands it to the multi-tenant ping adapter in {@code K_LEADER_ELECTION_CONFIG}: Go's {@code
 * json.Marshal} of a struct without JSON tags, so capitalised keys and durations in nanoseconds.
 *
 * @param component e.g. {@code pingsource}
 * @param buckets how many buckets the key space is hashed into
 */
public record LeaderElectionComponentConfig(
    String component,
    int buckets,
    Duration leaseDuration,
    Duration renewDeadline,
    Duration retryPeriod) {

  /**
   * What upstream's controller passes when {@code config-leader-election} has only its {@code
   * _example}: knative.dev/pkg's defaults, 1 bucket, lease 60 s, renew deadline 40 s, retry 10 s.
   */
  public static LeaderElectionComponentConfig knativeDefaults(String component) {
    return new LeaderElectionComponentConfig(
        component, 1, Duration.ofSeconds(60), Duration.ofSeconds(40), Duration.ofSeconds(10));
  }

  /** The JSON text, fields in the Go struct's order; no identity, no lease name mapping. */
  public String toJson() {
    return "{\"Component\":"
        + GoJson.quote(component)
        + ",\"Buckets\":"
        + buckets
        + ",\"LeaseDuration\":"
        + leaseDuration.toNanos()
        + ",\"RenewDeadline\":"
        + renewDeadline.toNanos()
        + ",\"RetryPeriod\":"
        + retryPeriod.toNanos()
        + ",\"Identity\":\"\",\"LeaseNamesPrefixMapping\":null}";
  }
}
