/**
 * What kube-apiserver does to a built-in object between decoding a request and storing it: the
 * {@code SetDefaults_*} functions of each served version ({@link
 * dev.tributary.local.apiserver.defaults.KindDefaults}), the registry strategies' create-time
 * additions (a Pod's Pending status, a Job's generated selector, a Namespace's {@code kubernetes}
 * finalizer), the ServiceAccount admission plugin's default account, and Service cluster IP
 * allocation ({@link dev.tributary.local.apiserver.defaults.ServiceClusterIps}).
 *
 * <p>Objects are Jackson {@code ObjectNode}s in their storage version; every function here changes
 * them in place and is idempotent, so applying defaults to an already defaulted object is a no-op
 * (which is what keeps {@code kubectl apply} of an unchanged manifest a no-op).
 */
package dev.tributary.local.apiserver.defaults;
