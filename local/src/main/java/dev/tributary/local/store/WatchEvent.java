package dev.tributary.local.store;

import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * One write, as watchers see it.
 *
 * @param type what the write did
 * @param revision the write's revision, also {@code object}'s {@code metadata.resourceVersion}
 * @param key the object's key
 * @param object the state after the write; for {@link Type#DELETED}, the last state before the
 *     delete, with {@code metadata.resourceVersion} set to the deletion's revision. The same
 *     instance is handed to every watcher and kept in the history window: treat it as read-only and
 *     {@link ObjectNode#deepCopy() copy} it before changing anything.
 */
public record WatchEvent(Type type, long revision, ObjectKey key, ObjectNode object) {

  /** The Kubernetes watch event types a write produces. */
  public enum Type {
    ADDED,
    MODIFIED,
    DELETED
  }
}
