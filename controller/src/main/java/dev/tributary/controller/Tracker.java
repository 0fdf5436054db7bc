package dev.tributary.controller;

import dev.tributary.api.tracker.Reference;

/**
 * Remembers which objects depend on which others, so a change to a referenced object (a sink, a
 * child Deployment, a SinkBinding subject) re-enqueues its dependants. Thread-safe.
 */
public interface Tracker {

  /**
   * Declares that {@code dependant} depends on the objects {@code reference} names or selects: when
   * one of them is added, changed or deleted, {@code dependant} is enqueued. Call it on every
   * reconcile, before reading the referenced object, so no change is missed in between.
   */
  void track(Reference reference, ObjectKey dependant);

  /** Forgets everything {@code dependant} tracks, e.g. once it is deleted. */
  void untrack(ObjectKey dependant);
}
