package dev.tributary.local.compat;

import org.junit.jupiter.api.extension.ExtendWith;

/** {@link ErrorStatusContract} against our API server. */
@ExtendWith(LocalApiServerExtension.class)
class LocalErrorStatusContractIT extends ErrorStatusContract {

  private final LocalApiServer server;

  LocalErrorStatusContractIT(LocalApiServer server) {
    this.server = server;
  }

  @Override
  protected ContractTarget target() {
    return server;
  }
}
