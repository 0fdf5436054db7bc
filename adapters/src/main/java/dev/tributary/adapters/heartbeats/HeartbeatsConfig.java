package dev.tributary.adapters.heartbeats;

import dev.tributary.api.duck.CloudEventOverrides;
import dev.tributary.api.time.GoDuration;
import dev.tributary.api.validation.GoQuote;
import dev.tributary.delivery.CeOverridesApplier;
import dev.tributary.runtime.Env;
import dev.tributary.runtime.EnvException;
import dev.tributary.runtime.GoFlagSet;
import dev.tributary.runtime.GoStrconv;
import java.net.URI;
import java.net.URISyntaxException;
import java.time.Duration;

/**
 * What heartbeats runs with, read from its flags and env as upstream reads them, in upstream's
 * order, so the first problem reported is the one upstream would report.
 *
 * @param sink where events go: {@code K_SINK} when non-empty, else {@code --sink}
 * @param caCerts PEM CA certificates for an https sink: {@code K_CA_CERTS} when non-empty, else
 *     {@code --cacerts}
 * @param eventSource the CloudEvents source
 * @param defaultSource whether {@code eventSource} is the default built from the pod's name
 * @param eventType the CloudEvents type
 * @param label {@code data.label}, unquoted when given as a Go string literal
 * @param msg {@code data.msg}; left out of the data when empty
 * @param period the time between heartbeats
 * @param oneShot send one event and exit ({@code ONE_SHOT})
 * @param overrides {@code K_CE_OVERRIDES}
 */
record HeartbeatsConfig(
    URI sink,
    String caCerts,
    URI eventSource,
    boolean defaultSource,
    String eventType,
    String label,
    String msg,
    Duration period,
    boolean oneShot,
    CloudEventOverrides overrides) {

  /** The source upstream's code builds (it still says eventing-contrib). */
  static final String DEFAULT_SOURCE_FORMAT =
      "https://knative.dev/eventing-contrib/cmd/heartbeats/#%s/%s";

  /** A reason heartbeats cannot start: Go's message (logged with Go's log prefix) and exit code. */
  static final class Invalid extends RuntimeException {
    private final int exitCode;

    Invalid(String message, int exitCode) {
      super(message);
      this.exitCode = exitCode;
    }

    int exitCode() {
      return exitCode;
    }
  }

  /**
   * Reads the configuration.
   *
   * @throws Invalid when upstream would exit instead of running
   */
  static HeartbeatsConfig read(GoFlagSet.Parsed flags, Env env) {
    String podName;
    String podNamespace;
    boolean oneShot;
    try {
      podName = env.require("POD_NAME");
      podNamespace = env.require("POD_NAMESPACE");
      oneShot = env.getBool("ONE_SHOT", false);
    } catch (EnvException e) {
      throw new Invalid("[ERROR] Failed to process env var: " + e.getMessage(), 1);
    }
    String sink = nonEmptyOr(env.get("K_SINK"), flags.get(HeartbeatsFlags.SINK));
    String caCerts = nonEmptyOr(env.get("K_CA_CERTS"), flags.get(HeartbeatsFlags.CACERTS));

    String rawOverrides = env.get("K_CE_OVERRIDES", "");
    CloudEventOverrides overrides;
    try {
      overrides = CeOverridesApplier.parseEnv(rawOverrides);
    } catch (IllegalArgumentException e) {
      throw new Invalid(
          "[ERROR] Unparsable CloudEvents overrides " + rawOverrides + ": " + e.getMessage(), 1);
    }

    URI sinkUri = sinkUri(sink);
    Duration period = period(flags.get(HeartbeatsFlags.PERIOD));

    String source = flags.get(HeartbeatsFlags.EVENT_SOURCE);
    boolean defaultSource = source.isEmpty();
    if (defaultSource) {
      source = String.format(DEFAULT_SOURCE_FORMAT, podNamespace, podName);
    }
    URI sourceUri;
    try {
      sourceUri = new URI(source);
    } catch (URISyntaxException e) {
      throw new Invalid("invalid event source " + GoQuote.quote(source) + ": " + e.getMessage(), 1);
    }

    String label = flags.get(HeartbeatsFlags.LABEL);
    if (label.startsWith("\"")) {
      try {
        label = GoStrconv.unquoteDoubleQuoted(label);
      } catch (IllegalArgumentException e) {
        label = ""; // upstream ignores the error and keeps Unquote's empty result
      }
    }
    return new HeartbeatsConfig(
        sinkUri,
        caCerts,
        sourceUri,
        defaultSource,
        flags.get(HeartbeatsFlags.EVENT_TYPE),
        label,
        flags.get(HeartbeatsFlags.MSG),
        period,
        oneShot,
        overrides);
  }

  /** As sdk-go's {@code WithTarget}: an empty target is refused when the client is created. */
  private static URI sinkUri(String sink) {
    String target = sink.strip();
    if (target.isEmpty()) {
      throw new Invalid("failed to create client: http target option was empty string", 1);
    }
    try {
      return new URI(target);
    } catch (URISyntaxException e) {
      throw new Invalid(
          "failed to create client: http target option failed to parse target url: "
              + e.getMessage(),
          1);
    }
  }

  /** A Go duration, else an integer number of seconds; empty means 5s. */
  static Duration period(String text) {
    if (text.isEmpty()) {
      return Duration.ofSeconds(5);
    }
    try {
      return GoDuration.parse(text);
    } catch (IllegalArgumentException notADuration) {
      try {
        return Duration.ofSeconds(GoStrconv.atoi(text));
      } catch (IllegalArgumentException notAnInteger) {
        throw new Invalid("Invalid period interval provided: " + GoQuote.quote(text), 1);
      }
    }
  }

  private static String nonEmptyOr(String preferred, String fallback) {
    return preferred == null || preferred.isEmpty() ? fallback : preferred;
  }
}
