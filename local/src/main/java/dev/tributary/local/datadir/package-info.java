/**
 * The local cluster's data directory: where its files live, who may read them, and the lock that
 * keeps a second {@code tributary up} off a directory already in use.
 */
package dev.tributary.local.datadir;
