package dev.tributary.local.compat;

import org.junit.jupiter.api.extension.ExtendWith;

/** {@link RbacContract} against our API server. */
@ExtendWith(LocalApiServerExtension.class)
class LocalRbacContractIT extends RbacContract {

  private final LocalApiServer server;

  LocalRbacContractIT(LocalApiServer server) {
    this.server = server;
  }

  @Override
  protected ContractTarget target() {
    return server;
  }
}
