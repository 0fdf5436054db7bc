package dev.tributary.adapters.ping.leader;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;

/**
 * The adapter's leader election settings, read from {@code K_LEADER_ELECTION_CONFIG}: the JSON form
 * of knative.dev/pkg's {@code leaderelection.ComponentConfig} that the PingSource controller passes
 * to the adapter. Keys (Go field names): {@code Buckets}, {@code LeaseDuration}, {@code
 * RenewDeadline}, {@code RetryPeriod} (Go {@code time.Duration}s, i.e. integer nanoseconds), {@code
 * Identity}, {@code LeaseNamesPrefixMapping}; {@code Component} is ignored and replaced by the
 * adapter's own component name, as upstream's {@code EnvConfig.GetLeaderElectionConfig} does.
 *
 * <p>Defaults, as upstream's adapter: an empty or unset variable means 1 bucket, lease 15 s, renew
 * deadline 10 s, retry period 2 s. Unlike upstream (whose {@code json.Unmarshal} leaves a missing
 * key at Go's zero value, a zero lease), a key missing from a non-empty JSON object takes its
 * default too.
 *
 * @param buckets how many buckets the key space is hashed into (one Lease each), ≥ 1
 * @param leaseDuration how long a lease is valid without renewal
 * @param renewDeadline how long the leader keeps trying to renew before it gives up leading
 * @param retryPeriod how often candidates retry and the leader renews
 * @param identity this replica's holder identity, or null to derive one (see {@link #identityOr})
 * @param leaseNamesPrefixMapping {@code "<component>.<queue>"} → the prefix to use instead in lease
 *     names (knative's {@code map-lease-prefix.*}); never null
 */
public record LeaderElectionSettings(
    int buckets,
    Duration leaseDuration,
    Duration renewDeadline,
    Duration retryPeriod,
    String identity,
    Map<String, String> leaseNamesPrefixMapping) {

  /** The env variable holding the settings. */
  public static final String ENV = "K_LEADER_ELECTION_CONFIG";

  /** The adapter's component name: the first part of its lease names. */
  public static final String COMPONENT = "pingsource-mt-adapter";

  /**
   * The work queue name of upstream's adapter reconciler (Go package path and type of {@code
   * knative.dev/eventing/pkg/adapter/mtping.Reconciler}, slashes as dots): the second part.
   */
  public static final String QUEUE_NAME = "knative.dev.eventing.pkg.adapter.mtping.Reconciler";

  /** The adapter's fallback when it is given no settings. */
  public static final LeaderElectionSettings DEFAULTS =
      new LeaderElectionSettings(
          1, Duration.ofSeconds(15), Duration.ofSeconds(10), Duration.ofSeconds(2), null, Map.of());

  private static final ObjectMapper JSON = new ObjectMapper();

  public LeaderElectionSettings {
    if (buckets < 1) {
      throw new IllegalArgumentException("Buckets must be at least 1, got " + buckets);
    }
    requirePositive("LeaseDuration", leaseDuration);
    requirePositive("RenewDeadline", renewDeadline);
    requirePositive("RetryPeriod", retryPeriod);
    if (renewDeadline.compareTo(leaseDuration) >= 0) {
      // client-go refuses this too: the leader would hold a lease it can no longer renew.
      throw new IllegalArgumentException(
          "RenewDeadline ("
              + renewDeadline
              + ") must be shorter than LeaseDuration ("
              + leaseDuration
              + ")");
    }
    identity = identity == null || identity.isEmpty() ? null : identity;
    leaseNamesPrefixMapping =
        leaseNamesPrefixMapping == null ? Map.of() : Map.copyOf(leaseNamesPrefixMapping);
  }

  /**
   * Reads {@code json} (the value of {@link #ENV}); null or blank gives {@link #DEFAULTS}.
   *
   * @throws IllegalArgumentException when it is not a JSON object of the documented shape
   */
  public static LeaderElectionSettings parse(String json) {
    if (json == null || json.isBlank()) {
      return DEFAULTS;
    }
    JsonNode root;
    try {
      root = JSON.readTree(json);
    } catch (JsonProcessingException e) {
      throw new IllegalArgumentException(ENV + " is not valid JSON: " + e.getOriginalMessage(), e);
    }
    if (root == null || !root.isObject()) {
      throw new IllegalArgumentException(ENV + " must be a JSON object, got: " + json);
    }
    Map<String, String> prefixes = new HashMap<>();
    JsonNode mapping = root.get("LeaseNamesPrefixMapping");
    if (mapping != null && !mapping.isNull()) {
      if (!mapping.isObject()) {
        throw new IllegalArgumentException("LeaseNamesPrefixMapping must be a JSON object");
      }
      mapping.properties().forEach(e -> prefixes.put(e.getKey(), e.getValue().asText()));
    }
    JsonNode identity = root.get("Identity");
    return new LeaderElectionSettings(
        (int) integer(root, "Buckets", DEFAULTS.buckets),
        nanos(root, "LeaseDuration", DEFAULTS.leaseDuration),
        nanos(root, "RenewDeadline", DEFAULTS.renewDeadline),
        nanos(root, "RetryPeriod", DEFAULTS.retryPeriod),
        identity == null || identity.isNull() ? null : identity.asText(),
        prefixes);
  }

  /**
   * The lease names, one per bucket, in ordinal order, as knative.dev/pkg's {@code
   * standardBucketName}: {@code lower("<component>.<queue>.NN-of-MM")}, or {@code
   * lower("<prefix>.NN-of-MM")} when {@link #leaseNamesPrefixMapping} maps {@code
   * "<component>.<queue>"} to a non-empty prefix. With the defaults: {@code
   * pingsource-mt-adapter.knative.dev.eventing.pkg.adapter.mtping.reconciler.00-of-01}.
   */
  public List<String> leaseNames(String component, String queueName) {
    String prefix = component + "." + queueName;
    String mapped = leaseNamesPrefixMapping.get(prefix);
    if (mapped != null && !mapped.isEmpty()) {
      prefix = mapped;
    }
    List<String> names = new ArrayList<>(buckets);
    for (int i = 0; i < buckets; i++) {
      names.add(
          String.format(Locale.ROOT, "%s.%02d-of-%02d", prefix, i, buckets)
              .toLowerCase(Locale.ROOT));
    }
    return List.copyOf(names);
  }

  /** {@link #identity}, or {@code fallback} when none was configured. */
  public String identityOr(String fallback) {
    return identity == null ? Objects.requireNonNull(fallback, "fallback") : identity;
  }

  private static long integer(JsonNode root, String field, long defaultValue) {
    JsonNode node = root.get(field);
    if (node == null || node.isNull()) {
      return defaultValue;
    }
    if (!node.isIntegralNumber() || !node.canConvertToLong()) {
      throw new IllegalArgumentException(field + " must be an integer, got " + node);
    }
    return node.asLong();
  }

  private static Duration nanos(JsonNode root, String field, Duration defaultValue) {
    JsonNode node = root.get(field);
    if (node == null || node.isNull()) {
      return defaultValue;
    }
    return Duration.ofNanos(integer(root, field, 0));
  }

  private static void requirePositive(String field, Duration value) {
    Objects.requireNonNull(value, field);
    if (value.isNegative() || value.isZero()) {
      throw new IllegalArgumentException(field + " must be positive, got " + value);
    }
  }
}
