package dev.tributary.local.compat;

import org.junit.jupiter.api.extension.ExtendWith;

/** {@link PatchContract} against our API server. */
@ExtendWith(LocalApiServerExtension.class)
class LocalPatchContractIT extends PatchContract {

  private final LocalApiServer server;

  LocalPatchContractIT(LocalApiServer server) {
    this.server = server;
  }

  @Override
  protected ContractTarget target() {
    return server;
  }
}
