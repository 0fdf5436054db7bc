/**
 * The multi-tenant ping adapter's leader election, as knative.dev/pkg's bucketed election: its
 * settings from {@code K_LEADER_ELECTION_CONFIG} and lease names ({@link
 * dev.tributary.adapters.ping.leader.LeaderElectionSettings}), which bucket owns a key ({@link
 * dev.tributary.adapters.ping.leader.BucketSet}), and one Lease competed for ({@link
 * dev.tributary.adapters.ping.leader.LeaseElector}).
 */
package dev.tributary.adapters.ping.leader;
