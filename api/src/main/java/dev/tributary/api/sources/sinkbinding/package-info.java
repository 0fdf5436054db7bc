/**
 * SinkBinding {@code sources.knative.dev/v1}: injects a resolved sink into the pod templates of the
 * objects it selects. Types, defaults, validation, lifecycle and the pure injection.
 */
package dev.tributary.api.sources.sinkbinding;
