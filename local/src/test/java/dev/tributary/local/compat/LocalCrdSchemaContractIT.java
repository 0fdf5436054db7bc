package dev.tributary.local.compat;

import org.junit.jupiter.api.extension.ExtendWith;

/** {@link CrdSchemaContract} against our API server. */
@ExtendWith(LocalApiServerExtension.class)
class LocalCrdSchemaContractIT extends CrdSchemaContract {

  private final LocalApiServer server;

  LocalCrdSchemaContractIT(LocalApiServer server) {
    this.server = server;
  }

  @Override
  protected ContractTarget target() {
    return server;
  }
}
