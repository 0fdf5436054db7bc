package dev.tributary.local.compat;

import org.junit.jupiter.api.Disabled;
import org.junit.jupiter.api.Test;
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

  @Override
  @Test
  @Disabled(
      "server gap: server-side apply keeps no managedFields, so no field ownership and no 409 conflicts (see ServerSideApply)")
  void serverSideApplyTracksFieldManagersAndReportsConflicts() {}
}
