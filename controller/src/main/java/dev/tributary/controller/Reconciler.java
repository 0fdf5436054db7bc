package dev.tributary.controller;

import io.fabric8.kubernetes.api.model.HasMetadata;

/**
 * Brings the world in line with one object. Called by a {@link Controller} worker with a deep copy
 * of the cached object, which the reconciler may change freely. Must be idempotent and must not
 * depend on which event (add, update, delete, resync) caused the call.
 *
 * <p>Called from worker threads, never twice at once for the same key; may block on API calls.
 * Throwing is the same as returning {@link Result#failed}.
 */
@FunctionalInterface
public interface Reconciler<T extends HasMetadata> {

  Result reconcile(T object);
}
