package dev.tributary.api.sources;

import dev.tributary.api.duck.SourceStatus;
import java.util.ArrayList;
import java.util.LinkedHashMap;

/**
 * Copies the fields every source status shares ({@link SourceStatus}) from one status object to
 * another, so that nothing mutable is shared between them. Used by version conversion and by kinds
 * that mirror a child's status (ContainerSource mirrors its SinkBinding's).
 */
public final class SourceStatusCopy {
  private SourceStatusCopy() {}

  /** Copies every shared field, conditions and observedGeneration included; returns {@code to}. */
  public static <T extends SourceStatus> T copyAll(SourceStatus from, T to) {
    to.setObservedGeneration(from.getObservedGeneration());
    to.setConditions(from.getConditions());
    return copyOutputs(from, to);
  }

  /**
   * Copies what a source publishes about its output (annotations, sinkUri, sinkCACerts,
   * sinkAudience, ceAttributes) but leaves {@code to}'s conditions and observedGeneration alone;
   * returns {@code to}.
   */
  public static <T extends SourceStatus> T copyOutputs(SourceStatus from, T to) {
    to.setAnnotations(
        from.getAnnotations() == null ? null : new LinkedHashMap<>(from.getAnnotations()));
    to.setSinkUri(from.getSinkUri());
    to.setSinkCACerts(from.getSinkCACerts());
    to.setSinkAudience(from.getSinkAudience());
    to.setCeAttributes(
        from.getCeAttributes() == null ? null : new ArrayList<>(from.getCeAttributes()));
    return to;
  }
}
