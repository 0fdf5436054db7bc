/**
 * kube-controller-manager's ServiceAccount controller for the local cluster: every active namespace
 * has a ServiceAccount named {@code default}.
 */
package dev.tributary.local.kube.serviceaccount;
