package dev.tributary.local.datadir;

import java.util.OptionalLong;

/**
 * Who holds a data directory's lock, as {@link DataDir#holder()} finds it: a live process, since
 * the operating system drops the lock when its holder ends.
 *
 * @param pid the holder's process id, or empty while the holder has taken the lock but not yet
 *     recorded its PID (an instant at its start) or when the file cannot be read; never a PID left
 *     in the file by an earlier, dead holder
 */
public record LockHolder(OptionalLong pid) {}
