package dev.tributary.adapters.heartbeats;

import dev.tributary.runtime.GoFlagSet;
import dev.tributary.runtime.GoFlagSet.StringFlag;
import java.util.List;

/** The flags of Knative's heartbeats, with upstream's names, defaults and usage texts. */
final class HeartbeatsFlags {

  static final String EVENT_SOURCE = "eventSource";
  static final String EVENT_TYPE = "eventType";
  static final String SINK = "sink";
  static final String CACERTS = "cacerts";
  static final String LABEL = "label";
  static final String PERIOD = "period";
  static final String MSG = "msg";

  static final String DEFAULT_EVENT_TYPE = "dev.knative.eventing.samples.heartbeat";

  /** The flag set; usage reads {@code Usage of heartbeats:}. */
  static final GoFlagSet FLAGS =
      new GoFlagSet(
          "heartbeats",
          List.of(
              new StringFlag(EVENT_SOURCE, "", "the event-source (CloudEvents)"),
              new StringFlag(EVENT_TYPE, DEFAULT_EVENT_TYPE, "the event-type (CloudEvents)"),
              new StringFlag(SINK, "", "the host url to heartbeat to"),
              new StringFlag(CACERTS, "", "the ca cert for the host url to heartbeat to"),
              new StringFlag(LABEL, "", "a special label"),
              new StringFlag(
                  PERIOD,
                  "5s",
                  "the duration between heartbeats. Supported formats: Go"
                      + " (https://pkg.go.dev/time#ParseDuration), integers (interpreted as"
                      + " seconds)"),
              new StringFlag(MSG, "", "message content in data.msg")));

  private HeartbeatsFlags() {}
}
