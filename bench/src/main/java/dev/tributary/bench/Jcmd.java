package dev.tributary.bench;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Runs the JDK's {@code jcmd} against another JVM of the same user, for the figures that say where
 * its memory goes: {@code GC.heap_info} (heap used vs committed) and, when that JVM runs with
 * {@code -XX:NativeMemoryTracking=summary}, {@code VM.native_memory summary}.
 */
final class Jcmd {

  private final Path jcmd;

  Jcmd(Path javaHome) {
    this.jcmd = javaHome.resolve("bin").resolve("jcmd");
  }

  /** The output lines of {@code jcmd PID COMMAND...}; fails when jcmd fails or hangs (60 s). */
  List<String> run(long pid, String... command) throws IOException, InterruptedException {
    List<String> argv = new ArrayList<>();
    argv.add(jcmd.toString());
    argv.add(Long.toString(pid));
    argv.addAll(List.of(command));
    Process process = new ProcessBuilder(argv).redirectErrorStream(true).start();
    byte[] out = process.getInputStream().readAllBytes();
    if (!process.waitFor(60, TimeUnit.SECONDS) || process.exitValue() != 0) {
      process.destroyForcibly();
      throw new IOException(
          "jcmd "
              + String.join(" ", command)
              + " failed: "
              + new String(out, StandardCharsets.UTF_8));
    }
    return new String(out, StandardCharsets.UTF_8).lines().toList();
  }
}
