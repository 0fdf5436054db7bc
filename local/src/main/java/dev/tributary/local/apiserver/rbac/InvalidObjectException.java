package dev.tributary.local.apiserver.rbac;

/**
 * Thrown by request handlers here (access reviews) when the object they were given is invalid; the
 * server answers {@link InvalidObject#status()} with HTTP 422.
 */
public final class InvalidObjectException extends RuntimeException {

  private final transient InvalidObject invalid;

  public InvalidObjectException(InvalidObject invalid) {
    super(invalid.message());
    this.invalid = invalid;
  }

  /** What was invalid, with every field error. */
  public InvalidObject invalid() {
    return invalid;
  }
}
