package dev.tributary.delivery;

import io.cloudevents.CloudEvent;
import io.cloudevents.core.builder.CloudEventBuilder;
import java.net.URI;
import java.util.Arrays;
import java.util.Base64;

/**
 * The extensions Knative's dispatcher adds to an event it sends to a dead letter sink ({@code
 * pkg/kncloudevents/attributes/knative_error.go}).
 */
final class DeadLetterExtensions {

  /** The URL whose delivery failed. */
  static final String ERROR_DEST = "knativeerrordest";

  /** The failing HTTP status (an integer), 500 when there was no response. */
  static final String ERROR_CODE = "knativeerrorcode";

  /**
   * Base64 of the failing response's body, cut to 1024 characters. Present even when empty, as
   * upstream sets it unconditionally.
   */
  static final String ERROR_DATA = "knativeerrordata";

  static final int ERROR_DATA_MAX_LENGTH = 1024;

  /** Body bytes whose base64 form is exactly {@link #ERROR_DATA_MAX_LENGTH} characters. */
  static final int ERROR_BODY_MAX_BYTES = ERROR_DATA_MAX_LENGTH / 4 * 3;

  private DeadLetterExtensions() {}

  /**
   * {@code original} with the three extensions.
   *
   * @param status the failing status, or -1 for a transport error or timeout (sent as 500)
   * @param body the failing response's body (or, with no response, the error text); only its first
   *     {@link #ERROR_BODY_MAX_BYTES} bytes are used
   */
  static CloudEvent add(CloudEvent original, URI failedUrl, int status, byte[] body) {
    byte[] kept =
        body.length <= ERROR_BODY_MAX_BYTES ? body : Arrays.copyOf(body, ERROR_BODY_MAX_BYTES);
    return CloudEventBuilder.from(original)
        .withExtension(ERROR_DEST, failedUrl)
        .withExtension(ERROR_CODE, status == RetryPolicy.NO_RESPONSE ? 500 : status)
        .withExtension(ERROR_DATA, Base64.getEncoder().encodeToString(kept))
        .build();
  }
}
