/**
 * PingSource, {@code sources.knative.dev/v1} (the storage version): {@link
 * dev.tributary.api.sources.ping.PingSource} and its spec/status, {@link
 * dev.tributary.api.sources.ping.PingSourceDefaults}, {@link
 * dev.tributary.api.sources.ping.PingSourceValidation} (with the {@code config-ping-defaults} limit
 * in {@link dev.tributary.api.sources.ping.PingDefaultsConfig}), {@link
 * dev.tributary.api.sources.ping.PingSourceLifecycle}, and the emitted events' type and source in
 * {@link dev.tributary.api.sources.ping.PingSourceEvents}. {@link
 * dev.tributary.api.sources.ping.GoBase64} and {@code dev.tributary.api.gojson} reproduce the Go
 * behaviour the payload rules depend on. Older versions are in {@code v1beta2} and {@code v1beta1}.
 */
package dev.tributary.api.sources.ping;
