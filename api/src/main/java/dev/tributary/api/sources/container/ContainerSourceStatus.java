package dev.tributary.api.sources.container;

import com.fasterxml.jackson.annotation.JsonInclude;
import dev.tributary.api.duck.SourceStatus;
import dev.tributary.api.sources.SourceStatusCopy;

/**
 * A ContainerSource's status: the shared source status, mostly mirrored from its SinkBinding.
 * Changed through {@link ContainerSourceLifecycle}.
 */
@JsonInclude(JsonInclude.Include.NON_EMPTY)
public class ContainerSourceStatus extends SourceStatus {

  /** A deep copy; changing either afterwards does not affect the other. */
  public ContainerSourceStatus copy() {
    return SourceStatusCopy.copyAll(this, new ContainerSourceStatus());
  }
}
