/**
 * The local API server's storage: Kubernetes objects in SQLite (WAL) under one global, kine/etcd
 * style revision that is every object's {@code metadata.resourceVersion}, plus watches served from
 * an in-memory history window. No HTTP here: {@link dev.tributary.local.store.Store} is called by
 * the API server from worker threads.
 */
package dev.tributary.local.store;
