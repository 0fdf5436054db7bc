package dev.tributary.webhook.sinkbinding;

import dev.tributary.api.sources.sinkbinding.SinkBinding;
import java.util.List;

/** The SinkBindings of a namespace, as a cache holds them. */
@FunctionalInterface
public interface SinkBindingLister {

  /**
   * The SinkBindings in {@code namespace}, shared with the cache: callers must not change them.
   * Must not block on the API server.
   */
  List<SinkBinding> inNamespace(String namespace);
}
