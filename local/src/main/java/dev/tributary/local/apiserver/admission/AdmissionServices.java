package dev.tributary.local.apiserver.admission;

import dev.tributary.local.store.Store;
import java.time.Clock;
import java.util.Objects;

/**
 * What admission plugins are built from when the API server starts.
 *
 * @param store the server's store, for plugins that read other objects (e.g. bindings, namespaces).
 *     Owned by the server: plugins only read and watch it
 * @param clock the server's clock
 */
public record AdmissionServices(Store store, Clock clock) {

  public AdmissionServices {
    Objects.requireNonNull(store, "store");
    Objects.requireNonNull(clock, "clock");
  }
}
