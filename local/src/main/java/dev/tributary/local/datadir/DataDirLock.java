package dev.tributary.local.datadir;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.OptionalLong;

/**
 * An exclusive, OS-level lock on a data directory, taken with {@link FileChannel#tryLock()} on its
 * {@code lock} file. The holder's PID is written into the file so a second process can say who
 * holds it.
 *
 * <p>The operating system drops the lock when the holder's process ends, however it ends (kill -9
 * included), so a PID left in the file by a dead process never blocks anyone: only a live lock
 * does.
 *
 * <p>Hold it for the life of the process and close it on shutdown. Obtained from {@link
 * DataDir#lock()}, whose Javadoc explains why one JVM should lock a directory through one {@code
 * DataDir}.
 */
public final class DataDirLock implements AutoCloseable {

  private final Path directory;
  private final FileChannel channel;
  private final FileLock lock;

  private DataDirLock(Path directory, FileChannel channel, FileLock lock) {
    this.directory = directory;
    this.channel = channel;
    this.lock = lock;
  }

  /**
   * Takes the lock on {@code lockFile} for {@code directory}, or fails at once.
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
      lock = channel.tryLock();
    } catch (OverlappingFileLockException e) {
      lock = null; // this JVM holds it through another channel
    } catch (IOException | RuntimeException e) {
      closeQuietlyAfter(channel, e);
      throw e;
    }
    if (lock == null) {
      OptionalLong holder = readPid(channel);
      channel.close();
      throw new DataDirLockedException(directory, holder);
    }
    try {
      channel.truncate(0);
      channel.write(ByteBuffer.wrap((pid + "\n").getBytes(StandardCharsets.US_ASCII)), 0);
      channel.force(false);
    } catch (IOException | RuntimeException e) {
      closeQuietlyAfter(channel, e);
      throw e;
    }
    return new DataDirLock(directory, channel, lock);
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
