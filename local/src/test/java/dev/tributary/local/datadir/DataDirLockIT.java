package dev.tributary.local.datadir;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.OptionalLong;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The lock across processes: the way a second {@code tributary up} meets the first. */
class DataDirLockIT {

  @TempDir Path temp;

  private Process child;

  @AfterEach
  void killChild() throws InterruptedException {
    if (child != null) {
      child.destroyForcibly().waitFor(30, TimeUnit.SECONDS);
    }
  }

  @Test
  void anotherProcessHoldingTheLockIsNamedAndItsDeathReleasesIt() throws Exception {
    DataDir dir = DataDir.open(temp.resolve("data"));
    child = startLockHolder(dir.root());
    awaitLocked(child);
    long childPid = child.pid();

    assertThatThrownBy(dir::lock)
        .isInstanceOf(DataDirLockedException.class)
        .hasMessageContaining(
            "another tributary is running on " + dir.root() + " (pid " + childPid + ")")
        .hasMessageContaining("kill " + childPid);

    child.destroyForcibly(); // kill -9: no shutdown hook, the PID stays in the file
    assertThat(child.waitFor(30, TimeUnit.SECONDS)).isTrue();
    assertThat(Files.readString(dir.lockFile()).strip()).isEqualTo(Long.toString(childPid));

    try (DataDirLock lock = dir.lock()) {
      assertThat(lock.isHeld()).isTrue();
      assertThat(Files.readString(dir.lockFile()).strip())
          .isEqualTo(Long.toString(ProcessHandle.current().pid()));
    }
  }

  @Test
  void holderNamesTheLiveHolderAndLeavesItsPidAlone() throws Exception {
    Path root = temp.resolve("data");
    DataDir.open(root);
    child = startLockHolder(root);
    awaitLocked(child);
    DataDir dir = DataDir.at(root);

    assertThat(dir.holder()).contains(new LockHolder(OptionalLong.of(child.pid())));
    assertThat(dir.holder())
        .as("asking twice")
        .contains(new LockHolder(OptionalLong.of(child.pid())));
    assertThat(Files.readString(dir.lockFile())).isEqualTo(child.pid() + "\n");

    child.destroyForcibly();
    assertThat(child.waitFor(30, TimeUnit.SECONDS)).isTrue();
    assertThat(Files.readString(dir.lockFile()).strip()).isEqualTo(Long.toString(child.pid()));
    assertThat(dir.holder()).as("the PID a killed holder left").isEmpty();
  }

  @Test
  void aHolderThatHasNotWrittenItsPidYetIsNamedWithoutAPid() throws Exception {
    Path root = temp.resolve("data");
    DataDir.open(root);
    // What a crashed holder left: a PID, here of a process that lives (this one), as a recycled PID
    // would.
    Files.writeString(root.resolve("lock"), ProcessHandle.current().pid() + "\n");
    child = startLockHolder(root, "--before-pid");
    awaitLocked(child);

    assertThat(DataDir.at(root).holder()).contains(new LockHolder(OptionalLong.empty()));
  }

  @Test
  void theChildIsRefusedWhileWeHoldTheLock() throws Exception {
    DataDir dir = DataDir.open(temp.resolve("data"));
    try (DataDirLock held = dir.lock()) {
      child = startLockHolder(dir.root());
      String output = readAll(child);

      assertThat(child.waitFor(30, TimeUnit.SECONDS)).isTrue();
      assertThat(child.exitValue()).isNotZero();
      assertThat(output)
          .contains("another tributary is running on " + dir.root())
          .contains("(pid " + ProcessHandle.current().pid() + ")")
          .doesNotContain("locked\n");
      assertThat(held.isHeld()).isTrue();
    }
  }

  private static Process startLockHolder(Path dir, String... more) throws IOException {
    String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
    List<String> command =
        new ArrayList<>(
            List.of(
                java,
                "-cp",
                System.getProperty("java.class.path"),
                LockHolderMain.class.getName(),
                dir.toString()));
    command.addAll(List.of(more));
    return new ProcessBuilder(command).redirectErrorStream(true).start();
  }

  /** Reads the child's output up to its "locked" line; fails with what it printed otherwise. */
  private static void awaitLocked(Process process) throws Exception {
    BufferedReader reader =
        new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8));
    CompletableFuture<String> untilLocked =
        CompletableFuture.supplyAsync(
            () -> {
              StringBuilder seen = new StringBuilder();
              try {
                for (String line = reader.readLine(); line != null; line = reader.readLine()) {
                  if (line.equals("locked")) {
                    return null;
                  }
                  seen.append(line).append('\n');
                }
              } catch (IOException e) {
                seen.append(e);
              }
              return seen.toString();
            });
    String failure = untilLocked.get(60, TimeUnit.SECONDS);
    assertThat(failure).as("child output before it exited").isNull();
  }

  private static String readAll(Process process) throws Exception {
    return CompletableFuture.supplyAsync(
            () -> {
              try {
                return new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
              } catch (IOException e) {
                return e.toString();
              }
            })
        .get(60, TimeUnit.SECONDS);
  }
}
