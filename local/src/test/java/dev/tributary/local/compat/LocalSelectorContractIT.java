package dev.tributary.local.compat;

import org.junit.jupiter.api.extension.ExtendWith;

/** {@link SelectorContract} against our API server. */
@ExtendWith(LocalApiServerExtension.class)
class LocalSelectorContractIT extends SelectorContract {

  private final LocalApiServer server;

  LocalSelectorContractIT(LocalApiServer server) {
    this.server = server;
  }

  @Override
  protected ContractTarget target() {
    return server;
  }
}
