/**
 * ApiServerSource, {@code sources.knative.dev/v1} (the storage version): its types, defaults,
 * validation, lifecycle, event types, permission-check helpers and the receive adapter's {@code
 * K_SOURCE_CONFIG}, as upstream's {@code pkg/apis/sources/v1/apiserver_*.go}.
 */
package dev.tributary.api.sources.apiserver;
