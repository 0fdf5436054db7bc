package dev.tributary.cli;

import dev.tributary.local.datadir.DataDir;
import dev.tributary.local.datadir.LockHolder;
import java.io.IOException;
import java.io.PrintWriter;
import java.time.Duration;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code tributary down}: stops the {@code tributary up} that holds the data directory, as Ctrl-C
 * in its terminal would (SIGTERM: it stops its pods and closes its store, keeping their state for
 * the next {@code up}), and waits until it has ended and the directory is free.
 *
 * <p>Only a process that really holds the data directory's lock is signalled: the PID a crashed
 * {@code up} left in the lock file is never used ({@link DataDir#holder()}).
 *
 * <p>Exit codes: 0 stopped or not running, 1 it did not stop in time or could not be signalled.
 */
@Command(
    name = "down",
    mixinStandardHelpOptions = true,
    description = "Stop the local cluster (as Ctrl-C in the terminal of tributary up).")
final class DownCommand implements Callable<Integer> {

  /** How long a holder that has just taken the lock may take to write its PID. */
  private static final Duration PID_WAIT = Duration.ofSeconds(2);

  private static final long POLL_MILLIS = 50;

  @Spec CommandSpec spec;

  @Mixin DataDirOption dataDirOption;

  @Option(
      names = "--timeout",
      paramLabel = "DURATION",
      defaultValue = "60s",
      converter = GoDurationConverter.class,
      description = "How long to wait for it to stop (60s, 2m, ...). Default: ${DEFAULT-VALUE}.")
  Duration timeout;

  @Option(
      names = "--force",
      description =
          "Kill it at once (SIGKILL) instead of asking it to stop; the next up recovers as after a"
              + " crash.")
  boolean force;

  @Override
  public Integer call() throws InterruptedException {
    PrintWriter out = spec.commandLine().getOut();
    PrintWriter err = spec.commandLine().getErr();
    DataDir dir = DataDir.at(dataDirOption.path());
    try {
      Optional<LockHolder> holder = holderWithPid(dir);
      if (holder.isEmpty()) {
        out.println("tributary: not running on " + dir);
        return 0;
      }
      OptionalLong pid = holder.get().pid();
      if (pid.isEmpty()) {
        err.println(
            "tributary: "
                + dir
                + " is in use but its holder has not written its PID; try again in a moment");
        return 1;
      }
      return stop(dir, pid.getAsLong(), out, err);
    } catch (IOException e) {
      err.println("tributary: cannot read the lock of " + dir + ": " + e.getMessage());
      return 1;
    }
  }

  private int stop(DataDir dir, long pid, PrintWriter out, PrintWriter err)
      throws IOException, InterruptedException {
    if (pid == ProcessHandle.current().pid()) {
      err.println("tributary: this process holds " + dir + "; it cannot stop itself");
      return 1;
    }
    Optional<ProcessHandle> process = ProcessHandle.of(pid);
    if (process.isEmpty()) {
      // The lock is held, so its holder lives: in a PID namespace of its own (a container).
      err.println(
          "tributary: "
              + dir
              + " is held by pid "
              + pid
              + ", which this system does not show (another container?); stop it there");
      return 1;
    }
    boolean signalled = force ? process.get().destroyForcibly() : process.get().destroy();
    if (!signalled) {
      err.println("tributary: could not signal pid " + pid + " (not ours to stop?)");
      return 1;
    }
    out.println("tributary: " + (force ? "killing" : "stopping") + " pid " + pid + " on " + dir);
    out.flush();
    if (!awaitEnd(dir, process.get(), timeout)) {
      err.println(
          "tributary: pid "
              + pid
              + " did not stop within "
              + GoDurationConverter.format(timeout)
              + (force
                  ? ""
                  : "; `tributary down --force"
                      + dataDirArgument()
                      + "` kills it (the next up recovers as after a crash)"));
      return 1;
    }
    out.println("tributary: " + (force ? "killed" : "stopped") + " (pid " + pid + ")");
    return 0;
  }

  /**
   * Waits until {@code process} has ended and the lock it held is free, or taken by another process
   * (a new {@code up} may start at once).
   */
  private static boolean awaitEnd(DataDir dir, ProcessHandle process, Duration timeout)
      throws IOException, InterruptedException {
    long deadline = System.nanoTime() + timeout.toNanos();
    try {
      process.onExit().get(Math.max(0, deadline - System.nanoTime()), TimeUnit.NANOSECONDS);
    } catch (TimeoutException e) {
      return false;
    } catch (ExecutionException e) {
      throw new IllegalStateException("waiting for pid " + process.pid(), e.getCause());
    }
    // The operating system frees the lock with the process; this only waits out the instant.
    while (heldBy(dir, process.pid())) {
      if (System.nanoTime() - deadline > 0) {
        return false;
      }
      Thread.sleep(POLL_MILLIS);
    }
    return true;
  }

  private static boolean heldBy(DataDir dir, long pid) throws IOException {
    Optional<LockHolder> holder = dir.holder();
    return holder.isPresent() && holder.get().pid().equals(OptionalLong.of(pid));
  }

  /** The holder, waiting briefly for one that has just taken the lock to write its PID. */
  private static Optional<LockHolder> holderWithPid(DataDir dir)
      throws IOException, InterruptedException {
    long deadline = System.nanoTime() + PID_WAIT.toNanos();
    Optional<LockHolder> holder = dir.holder();
    while (holder.isPresent() && holder.get().pid().isEmpty() && System.nanoTime() - deadline < 0) {
      Thread.sleep(POLL_MILLIS);
      holder = dir.holder();
    }
    return holder;
  }

  private String dataDirArgument() {
    return dataDirOption.dataDir == null ? "" : " --data-dir " + dataDirOption.dataDir;
  }
}
