package dev.tributary.local.compat;

import org.junit.jupiter.api.extension.ExtendWith;

/** {@link WatchContract} against our API server. */
@ExtendWith(LocalApiServerExtension.class)
class LocalWatchContractIT extends WatchContract {

  private final LocalApiServer server;

  LocalWatchContractIT(LocalApiServer server) {
    this.server = server;
  }

  @Override
  protected ContractTarget target() {
    return server;
  }
}
