package dev.tributary.local.compat;

import org.junit.jupiter.api.extension.ExtendWith;

/** {@link FinalizerContract} against our API server. */
@ExtendWith(LocalApiServerExtension.class)
class LocalFinalizerContractIT extends FinalizerContract {

  private final LocalApiServer server;

  LocalFinalizerContractIT(LocalApiServer server) {
    this.server = server;
  }

  @Override
  protected ContractTarget target() {
    return server;
  }
}
