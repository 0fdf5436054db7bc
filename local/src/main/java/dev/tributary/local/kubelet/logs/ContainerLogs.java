package dev.tributary.local.kubelet.logs;

import dev.tributary.runtime.LogSink;

/**
 * Where the kubelet writes what each container prints, and where {@code pods/log} reads it back.
 * One log per run of a container (its {@code restartCount}); the previous run's log is kept, as a
 * kubelet keeps it for {@code kubectl logs --previous}. Thread-safe.
 */
public interface ContainerLogs {

  /**
   * The sink for one run of a container: each line is stored with the time it was written.
   *
   * @param podUid the pod's uid (a re-created pod with the same name has a new log)
   * @param restartCount the container's restart count for this run (0 for the first)
   */
  LogSink open(String namespace, String pod, String podUid, String container, int restartCount);
}
