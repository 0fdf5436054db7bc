/** knative.dev/pkg's {@code tracker.Reference}: a reference to objects by name or selector. */
package dev.tributary.api.tracker;
