package dev.tributary.delivery;

import java.net.URI;

/**
 * How one {@link EventSender#send} ended. Every send ends in exactly one of these; nothing is
 * dropped without an outcome.
 */
public sealed interface DeliveryOutcome {

  /** Attempts made to the sink (the dead letter sink's attempts are not counted). */
  int attempts();

  /** A short key=value description for logs. */
  String describe();

  /**
   * The sink answered 2xx.
   *
   * @param statusCode the 2xx status
   * @param attempts attempts made, 1 + retries
   */
  record Delivered(int statusCode, int attempts) implements DeliveryOutcome {
    @Override
    public String describe() {
      return "outcome=delivered status=" + statusCode + " attempts=" + attempts;
    }
  }

  /**
   * The sink kept failing; the original event was then accepted by the dead letter sink.
   *
   * @param deadLetterSink where the event went
   * @param statusCode the sink's final failure status, -1 for a transport error or timeout (the
   *     {@code knativeerrorcode} extension says 500 then, as Knative does)
   * @param attempts attempts made to the sink
   */
  record DeadLettered(URI deadLetterSink, int statusCode, int attempts) implements DeliveryOutcome {
    @Override
    public String describe() {
      return "outcome=deadlettered status="
          + statusCode
          + " attempts="
          + attempts
          + " deadLetterSink="
          + deadLetterSink;
    }
  }

  /**
   * The event was not delivered (and, when there is one, the dead letter sink failed too).
   *
   * @param reason one line naming the URL(s) and the error(s)
   * @param lastStatusCode the sink's last status, -1 for a transport error or timeout (or when no
   *     request could be made)
   * @param attempts attempts made to the sink
   */
  record Failed(String reason, int lastStatusCode, int attempts) implements DeliveryOutcome {
    @Override
    public String describe() {
      return "outcome=failed status="
          + lastStatusCode
          + " attempts="
          + attempts
          + " reason=\""
          + reason
          + "\"";
    }
  }
}
