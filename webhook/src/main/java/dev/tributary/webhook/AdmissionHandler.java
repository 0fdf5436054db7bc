package dev.tributary.webhook;

import io.fabric8.kubernetes.api.model.admission.v1.AdmissionRequest;
import io.fabric8.kubernetes.api.model.admission.v1.AdmissionResponse;

/**
 * One admission step the webhook serves on its own path (defaulting, validation, SinkBinding
 * injection), as knative.dev/pkg's {@code AdmissionController}: the server decodes the
 * AdmissionReview, calls {@link #admit}, and wraps the response (copying the request's {@code
 * uid}).
 *
 * <p>Threading: called on a worker thread, possibly concurrently; may block briefly (informer
 * caches, not API calls, on the hot path). Failure: return a response with {@code allowed=false}
 * and a {@code Status} naming every field error; a thrown exception becomes a denial with its
 * message, never a stack trace.
 */
public interface AdmissionHandler {

  /** The URL path this step is served at, e.g. {@code /defaulting}. */
  String path();

  /** The verdict on {@code request}; {@code uid} may be left unset (the server copies it). */
  AdmissionResponse admit(AdmissionRequest request);
}
