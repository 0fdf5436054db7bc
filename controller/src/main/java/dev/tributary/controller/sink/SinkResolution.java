package dev.tributary.controller.sink;

/** The outcome of resolving a Destination: a sink, or why there is none. */
public sealed interface SinkResolution {

  /** The destination resolved to {@code sink}. */
  record Resolved(ResolvedSink sink) implements SinkResolution {}

  /**
   * The destination could not be resolved (yet): the sink does not exist, is not addressable, or
   * the destination is malformed. {@code message} is knative.dev/pkg's error text.
   */
  record Unresolved(String message) implements SinkResolution {}
}
