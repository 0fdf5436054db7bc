/** The local cluster in one JVM: API server, store, controllers, kubelet. */
package dev.tributary.local;
