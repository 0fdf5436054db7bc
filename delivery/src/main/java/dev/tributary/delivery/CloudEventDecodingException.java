package dev.tributary.delivery;

/**
 * An HTTP request that does not carry valid CloudEvents: {@value #MALFORMED} for a malformed or
 * invalid event, {@value #UNSUPPORTED_ENCODING} when the request is neither binary nor a structured
 * format we know.
 */
public final class CloudEventDecodingException extends Exception {

  /** Status for a malformed or invalid event. */
  public static final int MALFORMED = 400;

  /** Status for a request in no CloudEvents encoding we understand. */
  public static final int UNSUPPORTED_ENCODING = 415;

  private final int status;

  CloudEventDecodingException(int status, String reason) {
    super(Reasons.oneLine(reason), null, false, false);
    this.status = status;
  }

  /** The HTTP status a receiver answers: 400 or 415. */
  public int status() {
    return status;
  }

  /** One line, safe to send back to the client. */
  public String reason() {
    return getMessage();
  }
}
