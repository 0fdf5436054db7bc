package dev.tributary.controller;

import io.fabric8.kubernetes.api.model.HasMetadata;

/**
 * Cleans up after an object that is being deleted, as Knative's {@code FinalizeKind}. Called while
 * the object still carries the finalizer; returning {@link Result.Done} lets it go.
 */
@FunctionalInterface
public interface Finalizer<T extends HasMetadata> {

  Result finalizeKind(T object);
}
