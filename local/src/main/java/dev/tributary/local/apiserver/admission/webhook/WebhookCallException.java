package dev.tributary.local.apiserver.admission.webhook;

/**
 * A webhook could not be called or answered nonsense (upstream's {@code ErrCallingWebhook}): the
 * webhook's failurePolicy decides whether the request fails. The message is upstream's wording
 * after {@code failed calling webhook "name": }.
 */
final class WebhookCallException extends Exception {

  private static final long serialVersionUID = 1L;

  WebhookCallException(String message) {
    super(message);
  }

  WebhookCallException(String message, Throwable cause) {
    super(message, cause);
  }
}
