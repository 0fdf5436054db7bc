package dev.tributary.local.compat;

import org.junit.jupiter.api.extension.ExtendWith;

/** {@link StatusSubresourceContract} against our API server. */
@ExtendWith(LocalApiServerExtension.class)
class LocalStatusSubresourceContractIT extends StatusSubresourceContract {

  private final LocalApiServer server;

  LocalStatusSubresourceContractIT(LocalApiServer server) {
    this.server = server;
  }

  @Override
  protected ContractTarget target() {
    return server;
  }
}
