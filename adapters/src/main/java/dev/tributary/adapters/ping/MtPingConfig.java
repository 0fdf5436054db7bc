package dev.tributary.adapters.ping;

import dev.tributary.adapters.ping.leader.LeaderElectionSettings;
import dev.tributary.runtime.Env;
import dev.tributary.runtime.EnvException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.UUID;

/**
 * The multi-tenant ping adapter's configuration, from its env and arguments.
 *
 * @param systemNamespace {@code SYSTEM_NAMESPACE}: where its Leases and tick checkpoints live
 *     (required, as knative.dev/pkg's {@code system.Namespace()})
 * @param leaderElection {@code K_LEADER_ELECTION_CONFIG} ({@link LeaderElectionSettings})
 * @param identity the holder identity in its Leases: {@code Identity} from the settings, else
 *     {@code <POD_NAME>_<UUID>} like knative.dev/pkg's {@code UniqueID}, but with a UUID derived
 *     from the pod's namespace and name instead of a random one (see {@link #podScopedId}); without
 *     {@code POD_NAME}, {@code <HOSTNAME>_<random UUID>} as upstream
 * @param noShutdownAfter {@code K_NO_SHUTDOWN_AFTER}, 0-59, default 55 (see {@link ShutdownDelay});
 *     another value is replaced by the default, with a warning
 * @param sinkTimeout {@code K_SINK_TIMEOUT} seconds as a per-attempt timeout; null when not
 *     positive or not an integer (upstream: -1, no timeout), the latter with a warning
 * @param disableHa the {@code --disable-ha} flag: lead every bucket without electing
 * @param warnings what was replaced by a default, to log once the program runs
 */
public record MtPingConfig(
    String systemNamespace,
    LeaderElectionSettings leaderElection,
    String identity,
    int noShutdownAfter,
    Duration sinkTimeout,
    boolean disableHa,
    List<String> warnings) {

  /** The env variable with the per-attempt timeout in seconds. */
  public static final String SINK_TIMEOUT_ENV = "K_SINK_TIMEOUT";

  /** The env variable naming the namespace of the adapter's Leases and checkpoints. */
  public static final String SYSTEM_NAMESPACE_ENV = "SYSTEM_NAMESPACE";

  public MtPingConfig {
    warnings = List.copyOf(warnings);
  }

  /**
   * Reads the configuration.
   *
   * @throws EnvException when {@code SYSTEM_NAMESPACE} is unset or {@code K_LEADER_ELECTION_CONFIG}
   *     cannot be read
   */
  public static MtPingConfig read(Env env, List<String> args) {
    String namespace = env.get(SYSTEM_NAMESPACE_ENV);
    if (namespace == null || namespace.isEmpty()) {
      throw new EnvException(
          "The environment variable \"" + SYSTEM_NAMESPACE_ENV + "\" is not set");
    }
    LeaderElectionSettings settings;
    try {
      settings = LeaderElectionSettings.parse(env.get(LeaderElectionSettings.ENV));
    } catch (IllegalArgumentException e) {
      throw new EnvException(LeaderElectionSettings.ENV + ": " + e.getMessage());
    }
    java.util.ArrayList<String> warnings = new java.util.ArrayList<>();
    int noShutdownAfter = ShutdownDelay.DEFAULT_NO_SHUTDOWN_AFTER;
    String raw = env.get(ShutdownDelay.ENV);
    if (raw != null && !raw.isEmpty()) {
      try {
        int value = Integer.parseInt(raw.trim());
        if (value < 0 || value > 59) {
          throw new NumberFormatException("out of range 0-59");
        }
        noShutdownAfter = value;
      } catch (NumberFormatException e) {
        warnings.add(
            ShutdownDelay.ENV
                + "="
                + raw
                + " is not a second (0-59), using "
                + ShutdownDelay.DEFAULT_NO_SHUTDOWN_AFTER);
      }
    }
    Duration sinkTimeout = null;
    String timeout = env.get(SINK_TIMEOUT_ENV);
    if (timeout != null && !timeout.isEmpty()) {
      try {
        long seconds = Long.parseLong(timeout);
        sinkTimeout = seconds > 0 ? Duration.ofSeconds(seconds) : null;
      } catch (NumberFormatException e) {
        warnings.add("Sink timeout configuration is invalid, default to -1 (no timeout)");
      }
    }
    String podName = env.get("POD_NAME", "");
    String identity =
        settings.identityOr(
            podName.isEmpty()
                ? env.get("HOSTNAME", "pingsource-mt-adapter") + "_" + UUID.randomUUID()
                : podName + "_" + podScopedId(namespace, podName));
    boolean disableHa = args.contains("--disable-ha") || args.contains("-disable-ha");
    return new MtPingConfig(
        namespace, settings, identity, noShutdownAfter, sinkTimeout, disableHa, warnings);
  }

  /**
   * The same UUID for every run of the same pod. A pod never runs two instances of its container at
   * once, so when the adapter's container restarts (or the node does), the new process holds the
   * Leases its predecessor held and leads again at once. With upstream's random UUID it must wait
   * for those Leases to expire (60 s by default), and the ticks of that minute arrive late.
   */
  static String podScopedId(String namespace, String podName) {
    return UUID.nameUUIDFromBytes((namespace + "/" + podName).getBytes(StandardCharsets.UTF_8))
        .toString();
  }
}
