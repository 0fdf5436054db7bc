package dev.tributary.local.compat;

import org.junit.jupiter.api.extension.ExtendWith;

/** {@link ConcurrencyContract} against our API server. */
@ExtendWith(LocalApiServerExtension.class)
class LocalConcurrencyContractIT extends ConcurrencyContract {

  private final LocalApiServer server;

  LocalConcurrencyContractIT(LocalApiServer server) {
    this.server = server;
  }

  @Override
  protected ContractTarget target() {
    return server;
  }
}
