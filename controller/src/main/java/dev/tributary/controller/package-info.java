/**
 * The reconciler framework, written once: informers feed a de-duplicating, rate-limited {@link
 * dev.tributary.controller.WorkQueue}; workers hand a deep copy of each cached object to a {@link
 * dev.tributary.controller.Reconciler}; {@link dev.tributary.controller.KindReconciler} does what
 * every kind shares (finalizers, status written only when it changed, Events for results); {@link
 * dev.tributary.controller.EventRecorder} records Kubernetes Events; {@link
 * dev.tributary.controller.InformerTracker} re-enqueues dependants when a referenced object
 * changes; {@link dev.tributary.controller.LeaderElection} lets only one replica run the workers.
 */
package dev.tributary.controller;
