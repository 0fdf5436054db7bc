/**
 * Kubernetes apimachinery behaviour Knative's validation leans on: name and label checks with their
 * exact messages and label selector parsing errors.
 */
package dev.tributary.api.k8s;
