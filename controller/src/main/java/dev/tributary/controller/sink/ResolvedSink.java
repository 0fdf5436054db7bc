package dev.tributary.controller.sink;

import java.net.URI;

/**
 * Where to send events: knative.dev/pkg's {@code duckv1.Addressable} as resolved from a
 * Destination.
 *
 * @param url the sink URL ({@code status.sinkUri})
 * @param caCerts PEM CA certificates, or null ({@code status.sinkCACerts})
 * @param audience the OIDC audience, or null ({@code status.sinkAudience})
 */
public record ResolvedSink(URI url, String caCerts, String audience) {}
