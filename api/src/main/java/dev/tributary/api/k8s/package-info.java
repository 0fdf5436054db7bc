/**
 * Kubernetes apimachinery behaviour Knative's validation leans on: name and label checks with their
 * exact messages, label selector parsing errors, and Go's JSON text.
 */
package dev.tributary.api.k8s;
