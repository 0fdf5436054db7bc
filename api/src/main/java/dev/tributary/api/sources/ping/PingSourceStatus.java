package dev.tributary.api.sources.ping;

import dev.tributary.api.duck.SourceStatus;

/**
 * The observed state of a PingSource: the shared source status (conditions, {@code sinkUri}, {@code
 * ceAttributes}, ...) and nothing more, as upstream. Changed only through {@link
 * PingSourceLifecycle}.
 */
public class PingSourceStatus extends SourceStatus {}
