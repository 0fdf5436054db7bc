/**
 * The tick checkpoint a bucket's leader keeps so that its successor sends exactly the ticks it did
 * not: one {@link dev.tributary.adapters.ping.checkpoint.SourceCheckpoint} per PingSource, in a
 * compare-and-swap {@link dev.tributary.adapters.ping.checkpoint.CheckpointStore} ({@link
 * dev.tributary.adapters.ping.checkpoint.ConfigMapCheckpointStore} in production).
 */
package dev.tributary.adapters.ping.checkpoint;
