package dev.tributary.local.datadir;

import java.io.IOException;
import java.io.Serial;
import java.nio.file.Path;
import java.util.OptionalLong;

/**
 * Another process (or another lock in this one) holds the data directory. The message says who and
 * how to stop it; the CLI prints it as it is and exits non-zero.
 */
public final class DataDirLockedException extends IOException {

  @Serial private static final long serialVersionUID = 1L;

  private final transient Path directory;
  private final long holderPid;

  DataDirLockedException(Path directory, OptionalLong holderPid) {
    super(message(directory, holderPid));
    this.directory = directory;
    this.holderPid = holderPid.orElse(-1);
  }

  /** The data directory that is in use. */
  public Path directory() {
    return directory;
  }

  /** The holder's process id as it wrote it into the lock file, if it could be read. */
  public OptionalLong holderPid() {
    return holderPid < 0 ? OptionalLong.empty() : OptionalLong.of(holderPid);
  }

  private static String message(Path directory, OptionalLong pid) {
    if (pid.isPresent()) {
      long n = pid.getAsLong();
      return "another tributary is running on "
          + directory
          + " (pid "
          + n
          + "); stop it with Ctrl-C in its terminal or `kill "
          + n
          + "`, or choose another --data-dir";
    }
    return "another tributary is running on "
        + directory
        + " (pid unknown); stop it with Ctrl-C in its terminal, or choose another --data-dir";
  }
}
