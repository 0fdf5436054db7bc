package dev.tributary.adapters.ping;

/**
 * A PingSource the adapter cannot act on: an unparsable schedule, undecodable {@code dataBase64},
 * an unusable {@code delivery}. Validation rejects all of these before a source is stored, so this
 * means the source did not come through the webhook. The message names the source and the field.
 */
public final class InvalidPingSourceException extends Exception {

  private static final long serialVersionUID = 1L;

  private final String key;

  /**
   * @param key the source's {@code namespace/name}
   * @param reason what is wrong, naming the field
   */
  public InvalidPingSourceException(String key, String reason, Throwable cause) {
    super("invalid PingSource " + key + ": " + reason, cause);
    this.key = key;
  }

  /** The source's {@code namespace/name}. */
  public String key() {
    return key;
  }
}
