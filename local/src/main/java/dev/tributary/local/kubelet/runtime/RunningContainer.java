package dev.tributary.local.kubelet.runtime;

import java.time.Duration;
import java.util.concurrent.CompletableFuture;

/** One run of a container, in this JVM or as a host process. Thread-safe. */
public interface RunningContainer {

  /** Completes with the exit code once the container has ended. */
  CompletableFuture<Integer> exited();

  /**
   * Asks the container to stop (SIGTERM, or a program's stop request) and kills it if it is still
   * running after {@code grace}. Returns at once; {@link #exited()} tells when it has ended.
   */
  void stop(Duration grace);
}
