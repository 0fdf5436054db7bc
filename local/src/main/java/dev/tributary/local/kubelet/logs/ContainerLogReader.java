package dev.tributary.local.kubelet.logs;

import java.io.IOException;
import java.util.Optional;

/**
 * The reading side of {@link ContainerLogs}: what {@code pods/log} serves. Thread-safe.
 *
 * <p>A separate interface so that whoever only writes logs (the kubelet, its tests) implements one
 * method, and the API server depends on nothing that writes.
 */
@FunctionalInterface
public interface ContainerLogReader {

  /** A reader of a cluster without a kubelet: no container has a log. */
  ContainerLogReader NONE = (namespace, pod, podUid, container, restartCount) -> Optional.empty();

  /**
   * Opens one run's log for reading from its first line.
   *
   * @return a cursor the caller closes, or empty if nothing was ever written for that run (or it
   *     was removed with its pod)
   */
  Optional<LogCursor> read(
      String namespace, String pod, String podUid, String container, int restartCount)
      throws IOException;
}
