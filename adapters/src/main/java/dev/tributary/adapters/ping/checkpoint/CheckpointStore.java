package dev.tributary.adapters.ping.checkpoint;

import java.util.Collections;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;

/**
 * Where the leader of a bucket keeps its tick checkpoint: a versioned map from source key ({@code
 * namespace/name}) to {@link SourceCheckpoint}, written only by compare-and-swap. {@link
 * ConfigMapCheckpointStore} keeps it in a ConfigMap. Implementations block and are thread-safe.
 */
public interface CheckpointStore {

  /**
   * The stored checkpoint at one version.
   *
   * @param resourceVersion the version the next write must be based on
   * @param sources by source key {@code namespace/name}; unmodifiable
   */
  record Snapshot(String resourceVersion, Map<String, SourceCheckpoint> sources) {
    public Snapshot {
      Objects.requireNonNull(resourceVersion, "resourceVersion");
      sources = Collections.unmodifiableMap(new TreeMap<>(sources));
    }
  }

  /** A write lost the race: the checkpoint changed since the snapshot it was based on. */
  final class ConflictException extends Exception {
    private static final long serialVersionUID = 1L;

    public ConflictException(String message, Throwable cause) {
      super(message, cause);
    }
  }

  /** What the checkpoint is called in logs, e.g. the ConfigMap's {@code namespace/name}. */
  String key();

  /**
   * Reads the checkpoint, creating an empty one when there is none.
   *
   * @throws RuntimeException when it cannot be read
   */
  Snapshot load();

  /**
   * Replaces the checkpoint with {@code sources}, if it is still at {@code resourceVersion}.
   *
   * @return the new snapshot
   * @throws ConflictException when it changed (or vanished) meanwhile
   * @throws RuntimeException on any other failure
   */
  Snapshot write(String resourceVersion, Map<String, SourceCheckpoint> sources)
      throws ConflictException;
}
