/**
 * The admission webhook: an HTTPS server answering AdmissionReview v1 (defaulting and validation of
 * the four source kinds, SinkBinding injection into its subjects) and ConversionReview (the
 * multi-version CRDs), with a serving certificate it manages itself.
 */
package dev.tributary.webhook;
