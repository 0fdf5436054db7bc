package dev.tributary.local.compat;

import org.junit.jupiter.api.Disabled;
import org.junit.jupiter.api.extension.ExtendWith;

/** {@link GarbageCollectionContract} against our API server. */
@Disabled("enable when branch gc lands")
@ExtendWith(LocalApiServerExtension.class)
class LocalGarbageCollectionContractIT extends GarbageCollectionContract {

  private final LocalApiServer server;

  LocalGarbageCollectionContractIT(LocalApiServer server) {
    this.server = server;
  }

  @Override
  protected ContractTarget target() {
    return server;
  }
}
