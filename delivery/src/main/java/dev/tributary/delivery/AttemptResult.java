package dev.tributary.delivery;

import java.net.URI;

/**
 * How the attempts to one URL ended.
 *
 * @param status the last HTTP status, or {@link RetryPolicy#NO_RESPONSE}
 * @param attempts how many attempts were made
 * @param errorBody the first bytes of the failing response's body (or, with no response, of the
 *     error text); empty on success
 * @param error why the last attempt failed, one line; null on success
 */
record AttemptResult(int status, int attempts, byte[] errorBody, String error) {

  boolean succeeded() {
    return status >= 200 && status <= 299;
  }

  /** Knative's wording: {@code unable to complete request to <url>: <error>}. */
  String reason(URI url) {
    return "unable to complete request to " + url + ": " + error;
  }
}
