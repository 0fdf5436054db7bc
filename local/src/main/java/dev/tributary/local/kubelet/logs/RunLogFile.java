package dev.tributary.local.kubelet.logs;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;

/**
 * One run's log file and the signal its readers wait on. Appends are serialised, so each call's
 * lines stay together; a lock and condition rather than a monitor, so that waiting readers on
 * virtual threads do not pin their carrier. Thread-safe.
 */
final class RunLogFile {

  private final Path path;
  private final ReentrantLock lock = new ReentrantLock();
  private final Condition written = lock.newCondition();
  private long appends;

  RunLogFile(Path path) {
    this.path = path;
  }

  Path path() {
    return path;
  }

  /** Appends {@code bytes} (whole lines) and wakes the readers. */
  void append(byte[] bytes) throws IOException {
    lock.lock();
    try {
      Files.write(path, bytes, StandardOpenOption.CREATE, StandardOpenOption.APPEND);
      appends++;
      written.signalAll();
    } finally {
      lock.unlock();
    }
  }

  /** Wakes the readers without writing (the file is going away). */
  void wake() {
    lock.lock();
    try {
      appends++;
      written.signalAll();
    } finally {
      lock.unlock();
    }
  }

  /** How many appends there were so far: a reader notes it before reading to the end. */
  long appends() {
    lock.lock();
    try {
      return appends;
    } finally {
      lock.unlock();
    }
  }

  /** Waits until there were more than {@code seen} appends, or {@code timeout} passes. */
  void awaitAppendAfter(long seen, Duration timeout) throws InterruptedException {
    long nanos = timeout.toNanos();
    lock.lock();
    try {
      while (appends == seen && nanos > 0) {
        nanos = written.awaitNanos(nanos);
      }
    } finally {
      lock.unlock();
    }
  }
}
