package dev.tributary.local.compat;

import org.junit.jupiter.api.extension.ExtendWith;

/** {@link TableContract} against our API server. */
@ExtendWith(LocalApiServerExtension.class)
class LocalTableContractIT extends TableContract {

  private final LocalApiServer server;

  LocalTableContractIT(LocalApiServer server) {
    this.server = server;
  }

  @Override
  protected ContractTarget target() {
    return server;
  }
}
