package dev.tributary.webhook;

import io.fabric8.kubernetes.api.model.apiextensions.v1.ConversionRequest;
import io.fabric8.kubernetes.api.model.apiextensions.v1.ConversionResponse;

/**
 * The CRD conversion step the webhook serves on its own path, as knative.dev/pkg's {@code
 * ConversionController}: the server decodes the {@code apiextensions.k8s.io/v1} ConversionReview,
 * calls {@link #convert}, and wraps the response.
 *
 * <p>Threading: called on a worker thread, possibly concurrently. Failure: a conversion that cannot
 * be done is reported in the response's {@code result} (status {@code Failure} and a message),
 * never thrown.
 */
public interface ConversionHandler {

  /** The URL path this step is served at, e.g. {@code /resource-conversion}. */
  String path();

  /** The converted objects, or a failure result; {@code uid} is the request's. */
  ConversionResponse convert(ConversionRequest request);
}
