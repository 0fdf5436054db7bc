/**
 * ContainerSource {@code sources.knative.dev/v1}: runs a user's pod template as a Deployment bound
 * to a sink through a SinkBinding. Types, child names, defaults, validation and lifecycle.
 */
package dev.tributary.api.sources.container;
