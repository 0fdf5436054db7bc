package dev.tributary.api.sources.container;

import com.fasterxml.jackson.annotation.JsonInclude;
import dev.tributary.api.duck.SourceStatus;

/**
 * A ContainerSource's status: the shared source status, mostly mirrored from its SinkBinding.
 * Changed through {@link ContainerSourceLifecycle}.
 */
@JsonInclude(JsonInclude.Include.NON_EMPTY)
public class ContainerSourceStatus extends SourceStatus {

  /** A deep copy; changing either afterwards does not affect the other. */
  public ContainerSourceStatus copy() {
    ContainerSourceStatus copy = new ContainerSourceStatus();
    copy.copyFrom(this);
    return copy;
  }
}
