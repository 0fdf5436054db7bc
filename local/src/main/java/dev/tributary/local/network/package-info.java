/**
 * The local cluster's network: pod and Service addresses on loopback, a TCP proxy per Service port
 * forwarding to ready endpoints ({@link dev.tributary.local.network.ServiceProxy}, what kube-proxy
 * does), Service names resolved inside this JVM ({@link
 * dev.tributary.local.network.ClusterDnsResolverProvider}) and cluster URLs rewritten for host
 * processes ({@link dev.tributary.local.network.HostEnvRewriter}).
 */
package dev.tributary.local.network;
