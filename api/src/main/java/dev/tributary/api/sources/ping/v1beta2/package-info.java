/**
 * PingSource {@code sources.knative.dev/v1beta2}: deprecated, schema identical to v1 (it reuses
 * v1's spec and status, so v1's defaults and validation apply), converted 1:1.
 */
package dev.tributary.api.sources.ping.v1beta2;
