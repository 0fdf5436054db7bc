package dev.tributary.cli;

import dev.tributary.runtime.Launch;
import dev.tributary.runtime.LogSink;
import dev.tributary.runtime.Program;
import dev.tributary.runtime.ProgramRuntime;
import java.io.FileDescriptor;
import java.io.FileOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.List;

/** Runs a program as this process: the process's env, stdout as its log, its exit code. */
final class ForegroundProgram {

  private ForegroundProgram() {}

  /**
   * Runs {@code program} until it ends or the JVM is asked to stop (SIGTERM, Ctrl-C).
   *
   * @return the program's exit code
   */
  static int run(Program program, List<String> args) {
    // UTF-8 whatever the locale says, as a Go binary writes: the display's cloud emoji included.
    PrintStream stdout =
        new PrintStream(new FileOutputStream(FileDescriptor.out), true, StandardCharsets.UTF_8);
    Launch launch =
        Launch.of(ProcessEnvironment.env(), args, LogSink.of(stdout))
            .withClock(Clock.systemDefaultZone()); // Go's log prints local time
    return ProgramRuntime.runInForeground(program, launch);
  }
}
