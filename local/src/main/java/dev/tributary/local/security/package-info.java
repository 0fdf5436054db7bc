/**
 * The local cluster's security material: its certificate authority and serving certificates, the
 * bearer tokens it accepts (admin and ServiceAccount), and the kubeconfig that hands them to
 * clients. Nothing here speaks HTTP; the API server builds on it.
 */
package dev.tributary.local.security;
