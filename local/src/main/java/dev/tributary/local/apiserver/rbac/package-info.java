/**
 * Kubernetes RBAC for the local API server, as pure functions over {@code
 * rbac.authorization.k8s.io/v1} objects held as Jackson {@code ObjectNode}s: request attributes
 * derived from an HTTP request the way kube-apiserver derives them ({@link
 * dev.tributary.local.apiserver.rbac.RequestAttributes}), the authorizer ({@link
 * dev.tributary.local.apiserver.rbac.RbacAuthorizer}) over a lookup of stored roles and bindings
 * ({@link dev.tributary.local.apiserver.rbac.RbacObjects}), the default policy a cluster ships
 * ({@link dev.tributary.local.apiserver.rbac.BootstrapPolicy}), access reviews, impersonation, and
 * the validation users meet when they apply RBAC objects.
 *
 * <p>Nothing here speaks HTTP or touches the store: the server authenticates, builds {@code
 * RequestAttributes}, asks the authorizer and renders what comes back ({@link
 * dev.tributary.local.apiserver.rbac.ForbiddenStatus}, {@link
 * dev.tributary.local.apiserver.rbac.InvalidObject}). Messages are kube-apiserver's, byte for byte.
 */
package dev.tributary.local.apiserver.rbac;
