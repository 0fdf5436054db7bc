package dev.tributary.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tributary.local.datadir.DataDir;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code tributary down} against child processes that hold (or do not hold) a data directory's
 * lock, as an {@code up} would; {@link StatusDownIT} runs it against a real {@code up}.
 */
class DownCommandIT {

  @TempDir Path temp;

  private final ChildProcesses children = new ChildProcesses();

  @AfterEach
  void killChildren() throws InterruptedException {
    children.close();
  }

  @Test
  void stopsTheHolderWithSigtermAndWaitsUntilTheDirectoryIsFree() throws Exception {
    Path dir = temp.resolve("data");
    Process holder = children.lockHolder(dir);

    CommandRun down = CommandRun.of("down", "--data-dir", dir.toString());

    assertThat(down.exitCode()).as(down.err()).isZero();
    assertThat(down.out())
        .isEqualTo(
            "tributary: stopping pid "
                + holder.pid()
                + " on "
                + dir.toAbsolutePath()
                + "\ntributary: stopped (pid "
                + holder.pid()
                + ")\n");
    assertThat(holder.isAlive()).isFalse();
    assertThat(holder.exitValue()).as("the exit code of a JVM ended by SIGTERM").isEqualTo(143);
    assertThat(DataDir.at(dir).holder()).isEmpty();
  }

  @Test
  void aLivePidLeftInAnUnlockedFileIsNeverSignalled() throws Exception {
    // Another process that lives (it holds another directory), its PID in our lock file as if it
    // had held it once and the PID had been recycled.
    Process bystander = children.lockHolder(temp.resolve("other"));
    Path dir = Files.createDirectories(temp.resolve("data"));
    Files.writeString(dir.resolve("lock"), bystander.pid() + "\n");

    CommandRun down = CommandRun.of("down", "--data-dir", dir.toString());

    assertThat(down.exitCode()).isZero();
    assertThat(down.out()).isEqualTo("tributary: not running on " + dir.toAbsolutePath() + "\n");
    assertThat(bystander.isAlive()).isTrue();
    assertThat(Files.readString(dir.resolve("lock"))).isEqualTo(bystander.pid() + "\n");
  }

  @Test
  void aMissingDirectoryIsNotRunningAndIsNotCreated() {
    Path dir = temp.resolve("missing");

    CommandRun down = CommandRun.of("down", "--data-dir", dir.toString());

    assertThat(down.exitCode()).isZero();
    assertThat(down.out()).isEqualTo("tributary: not running on " + dir.toAbsolutePath() + "\n");
    assertThat(dir).doesNotExist();
  }

  @Test
  void aHolderThatDoesNotStopInTimeIsReportedAndForceKillsIt() throws Exception {
    Path dir = temp.resolve("data");
    Process holder = children.lockHolder(dir, "--ignore-sigterm");

    CommandRun down = CommandRun.of("down", "--data-dir", dir.toString(), "--timeout", "1s");

    assertThat(down.exitCode()).isEqualTo(1);
    assertThat(down.err())
        .isEqualTo(
            "tributary: pid "
                + holder.pid()
                + " did not stop within 1s; `tributary down --force --data-dir "
                + dir
                + "` kills it (the next up recovers as after a crash)\n");
    assertThat(holder.isAlive()).isTrue();

    CommandRun force = CommandRun.of("down", "--data-dir", dir.toString(), "--force");

    assertThat(force.exitCode()).as(force.err()).isZero();
    assertThat(force.out())
        .isEqualTo(
            "tributary: killing pid "
                + holder.pid()
                + " on "
                + dir.toAbsolutePath()
                + "\ntributary: killed (pid "
                + holder.pid()
                + ")\n");
    assertThat(holder.waitFor(30, TimeUnit.SECONDS)).isTrue();
    assertThat(DataDir.at(dir).holder()).isEmpty();
  }
}
