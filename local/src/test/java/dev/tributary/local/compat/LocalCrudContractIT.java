package dev.tributary.local.compat;

import org.junit.jupiter.api.extension.ExtendWith;

/** {@link CrudContract} against our API server. */
@ExtendWith(LocalApiServerExtension.class)
class LocalCrudContractIT extends CrudContract {

  private final LocalApiServer server;

  LocalCrudContractIT(LocalApiServer server) {
    this.server = server;
  }

  @Override
  protected ContractTarget target() {
    return server;
  }
}
