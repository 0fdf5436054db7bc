package dev.tributary.local.compat;

import io.fabric8.kubernetes.api.model.ServiceAccount;
import io.fabric8.kubernetes.client.Config;
import java.time.Duration;
import java.util.OptionalInt;

/**
 * The API server a contract runs against, as seen from outside: how to reach it as an administrator
 * and as a ServiceAccount, and the two server properties a test cannot discover through the API.
 * Implementations are shared by many test classes and must be thread-safe.
 */
public interface ContractTarget {

  /** A fresh client configuration with cluster-admin rights; the caller may change it. */
  Config adminConfig();

  /**
   * A fresh client configuration that authenticates as {@code account} (an existing ServiceAccount,
   * as returned by the server), for example with a token minted for it.
   */
  Config serviceAccountConfig(ServiceAccount account) throws Exception;

  /**
   * How many writes anywhere on the server push a resourceVersion out of the watch history, so that
   * a watch from it gets 410 Gone; empty when a test cannot force that (a real cluster compacts on
   * a timer).
   */
  OptionalInt watchHistoryWindow();

  /** How long a watch that allows bookmarks may wait for its first BOOKMARK. */
  Duration bookmarkWithin();
}
