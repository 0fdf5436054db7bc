/**
 * PingSource {@code sources.knative.dev/v1beta1} ({@code jsonData}), removed upstream in v0.23 and
 * served here for old manifests: its spec, defaults and validation as of upstream v0.22, and the
 * conversion to and from v1.
 */
package dev.tributary.api.sources.ping.v1beta1;
