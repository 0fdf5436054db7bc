package dev.tributary.api.sources.ping.v1beta2;

import dev.tributary.api.sources.ping.PingSourceCopies;

/**
 * Converts PingSources between v1beta2 and v1. The schemas are identical, so every field is copied
 * as is (metadata and status deep-copied), as upstream's conversion does; nothing is lost either
 * way. Stateless; never mutates its input.
 */
public final class PingSourceConversion {
  private PingSourceConversion() {}

  /** The v1 form of {@code source}. */
  public static dev.tributary.api.sources.ping.PingSource toV1(PingSource source) {
    dev.tributary.api.sources.ping.PingSource v1 = new dev.tributary.api.sources.ping.PingSource();
    v1.setMetadata(PingSourceCopies.metadata(source.getMetadata()));
    v1.setSpec(source.getSpec());
    v1.setStatus(PingSourceCopies.status(source.getStatus()));
    return v1;
  }

  /** The v1beta2 form of {@code source}. */
  public static PingSource fromV1(dev.tributary.api.sources.ping.PingSource source) {
    PingSource v1beta2 = new PingSource();
    v1beta2.setMetadata(PingSourceCopies.metadata(source.getMetadata()));
    v1beta2.setSpec(source.getSpec());
    v1beta2.setStatus(PingSourceCopies.status(source.getStatus()));
    return v1beta2;
  }
}
