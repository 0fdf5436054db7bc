package dev.tributary.local.kubelet.logs;

import java.io.Closeable;
import java.io.IOException;
import java.time.Duration;
import java.util.Optional;

/**
 * Reads one run's log from its first line on, and can wait for lines written later (for {@code
 * kubectl logs -f}). Used by one thread at a time; close it when done.
 */
public interface LogCursor extends Closeable {

  /**
   * The next line written so far. Blocking file I/O.
   *
   * @return the line, or empty at the current end of the log
   */
  Optional<LogLine> next() throws IOException;

  /**
   * Blocks until a line is written after the last {@link #next()} found the end, or {@code timeout}
   * passes. It may return early; callers then call {@link #next()} again.
   */
  void awaitMore(Duration timeout) throws InterruptedException;
}
