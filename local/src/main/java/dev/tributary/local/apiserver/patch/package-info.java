/**
 * The four PATCH flavours of the Kubernetes API, as pure functions on Jackson trees: RFC 6902 JSON
 * patch, RFC 7386 merge patch, strategic merge patch for the built-in kinds, and a minimal
 * server-side apply. {@link dev.tributary.local.apiserver.patch.ObjectPatcher} is the one entry
 * point the API server calls; it never mutates the live object it is given and reports every
 * failure as a {@link dev.tributary.local.apiserver.patch.PatchException} carrying the HTTP status
 * and the one-line message kube-apiserver would answer with. Nothing here does I/O.
 */
package dev.tributary.local.apiserver.patch;
