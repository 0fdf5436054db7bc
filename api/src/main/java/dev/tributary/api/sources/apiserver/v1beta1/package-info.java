/**
 * ApiServerSource {@code sources.knative.dev/v1beta1}, served for old manifests, and its
 * conversion.
 */
package dev.tributary.api.sources.apiserver.v1beta1;
