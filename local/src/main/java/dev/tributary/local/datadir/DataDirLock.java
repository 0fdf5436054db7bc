package dev.tributary.local.datadir;

import java.io.IOException;
import java.io.InterruptedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.charset.StandardCharsets;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Optional;
import java.util.OptionalLong;

/**
 * An exclusive, OS-level lock on a data directory, taken with {@link FileChannel#tryLock} on its
 * {@code lock} file. The holder's PID is written into the file so a second process can say who
 * holds it.
 *
 * <p>The operating system drops the lock when the holder's process ends, however it ends (kill -9
 * included), so a PID left in the file by a dead process never blocks anyone: only a live lock
 * does.
 *
 * <p>Two byte ranges of the file are locked, both exclusively by the holder: {@link #HELD} is the
 * lock itself, and {@link #PID_WRITTEN}, taken once the holder has written its PID, says that the
 * PID in the file is the holder's. Without the second one, a process looking at the file just after
 * a new holder took the lock, before it rewrote the file, would read the PID a crashed earlier
 * holder left there, and {@code tributary down} could signal whatever process now has that PID.
 * Locks on byte ranges are advisory: the PID itself stays readable.
 *
 * <p>Hold it for the life of the process and close it on shutdown. Obtained from {@link
 * DataDir#lock()}, whose Javadoc explains why one JVM should lock a directory through one {@code
 * DataDir}.
 */
public final class DataDirLock implements AutoCloseable {

  /** The byte whose lock is the data directory's lock. */
  static final long HELD = 0;

  /** The byte whose lock says that the PID in the file is the holder's. */
  static final long PID_WRITTEN = 1;

  /**
   * How often {@link #acquire} tries again when the lock is taken: a process asking {@link #probe}
   * who holds the directory takes shared locks on it for an instant, which must not turn a starting
   * {@code tributary up} away.
   */
  private static final int ATTEMPTS = 5;

  private static final long ATTEMPT_PAUSE_MILLIS = 20;

  private final Path directory;
  private final FileChannel channel;
  private final FileLock lock;

  private DataDirLock(Path directory, FileChannel channel, FileLock lock) {
    this.directory = directory;
    this.channel = channel;
    this.lock = lock;
  }

  /**
   * Takes the lock on {@code lockFile} for {@code directory}, or fails within a tenth of a second
   * (the time a {@link #probe} may hold it).
   *
   * @throws DataDirLockedException if another process, or another channel in this JVM, holds it
   * @throws IOException if the lock file cannot be opened or written
   */
  static DataDirLock acquire(Path directory, Path lockFile, long pid) throws IOException {
    FileChannel channel =
        FileChannel.open(
            lockFile, StandardOpenOption.CREATE, StandardOpenOption.READ, StandardOpenOption.WRITE);
    FileLock lock;
    try {
      lock = tryLockHeld(channel);
      if (lock == null) {
        Optional<LockHolder> holder = inspect(channel, true);
        channel.close();
        throw new DataDirLockedException(
            directory, holder.map(LockHolder::pid).orElse(OptionalLong.empty()));
      }
      channel.truncate(0);
      channel.write(ByteBuffer.wrap((pid + "\n").getBytes(StandardCharsets.US_ASCII)), 0);
      channel.force(false);
      // Blocking: a process reading the PID (probe) holds a shared lock on it for an instant.
      channel.lock(PID_WRITTEN, 1, false);
    } catch (DataDirLockedException e) {
      throw e;
    } catch (IOException | RuntimeException e) {
      closeQuietlyAfter(channel, e);
      throw e;
    }
    return new DataDirLock(directory, channel, lock);
  }

  /**
   * Who holds the lock on {@code lockFile}, without taking it for good and without writing to the
   * file: empty if nobody does (or the file does not exist). Blocks on disk I/O, briefly.
   *
   * <p>Opening and closing the file drops every POSIX lock this JVM holds on it, so never call this
   * for a file this JVM holds the lock on (see {@link DataDir#holder()}, which answers from its own
   * lock instead).
   */
  static Optional<LockHolder> probe(Path lockFile) throws IOException {
    FileChannel channel;
    try {
      channel = FileChannel.open(lockFile, StandardOpenOption.READ);
    } catch (NoSuchFileException e) {
      return Optional.empty(); // nobody ever took the lock there
    }
    try (channel) {
      return inspect(channel, false);
    }
  }

  /**
   * Tries the {@link #HELD} lock a few times; null if another process (or another channel of this
   * JVM) holds it.
   */
  private static FileLock tryLockHeld(FileChannel channel) throws IOException {
    for (int attempt = 1; ; attempt++) {
      FileLock lock;
      try {
        lock = channel.tryLock(HELD, 1, false);
      } catch (OverlappingFileLockException e) {
        return null; // this JVM holds it through another channel: no point waiting
      }
      if (lock != null || attempt == ATTEMPTS) {
        return lock;
      }
      try {
        Thread.sleep(ATTEMPT_PAUSE_MILLIS);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new InterruptedIOException("interrupted while taking the data directory's lock");
      }
    }
  }

  /**
   * Who holds the lock, found by trying shared locks on {@code channel} and releasing them at once.
   *
   * @param knownHeld whether the caller already failed to take the lock (then it is not tried
   *     again)
   */
  private static Optional<LockHolder> inspect(FileChannel channel, boolean knownHeld)
      throws IOException {
    try {
      if (!knownHeld) {
        FileLock free = channel.tryLock(HELD, 1, true);
        if (free != null) {
          free.release();
          return Optional.empty();
        }
      }
      FileLock notWritten = channel.tryLock(PID_WRITTEN, 1, true);
      if (notWritten != null) {
        // Held, but the holder has not written its PID yet: what the file says is a dead one's.
        notWritten.release();
        return Optional.of(new LockHolder(OptionalLong.empty()));
      }
    } catch (OverlappingFileLockException e) {
      return Optional.of(new LockHolder(OptionalLong.of(ProcessHandle.current().pid())));
    }
    return Optional.of(new LockHolder(readPid(channel)));
  }

  /** The directory this lock holds. */
  public Path directory() {
    return directory;
  }

  /** Whether the lock is still held. */
  public boolean isHeld() {
    return lock.isValid();
  }

  /**
   * Clears the PID and releases the lock. Idempotent. The lock file itself stays: deleting it would
   * let a process that opened it just before take a lock on a file nobody else can see.
   */
  @Override
  public void close() throws IOException {
    if (!channel.isOpen()) {
      return;
    }
    try {
      if (lock.isValid()) {
        channel.truncate(0);
      }
    } finally {
      channel.close(); // releases the lock
    }
  }

  private static OptionalLong readPid(FileChannel channel) {
    try {
      ByteBuffer buffer = ByteBuffer.allocate(32);
      int read = channel.read(buffer, 0);
      if (read <= 0) {
        return OptionalLong.empty();
      }
      String text = new String(buffer.array(), 0, read, StandardCharsets.US_ASCII).trim();
      return OptionalLong.of(Long.parseLong(text));
    } catch (IOException | NumberFormatException e) {
      // Some systems refuse reads of a locked region, and the holder may be mid-write: the
      // message then says "pid unknown", which is still the right answer to give.
      return OptionalLong.empty();
    }
  }

  private static void closeQuietlyAfter(FileChannel channel, Exception primary) {
    try {
      channel.close();
    } catch (IOException e) {
      primary.addSuppressed(e);
    }
  }
}
