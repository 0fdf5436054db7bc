package dev.tributary.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tributary.runtime.Program;
import io.vertx.core.Future;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

class ProgramCommandTest {

  /** What a run of the test program saw. */
  private record Seen(List<String> args, String path, boolean stopRequestedAtStart) {}

  private final AtomicReference<Seen> seen = new AtomicReference<>();

  /** Records its args and the process's PATH (read from its Env), then exits with 7. */
  private final Program recording =
      ctx -> {
        seen.set(new Seen(ctx.args(), ctx.env().get("PATH"), ctx.stopRequested().isComplete()));
        return Future.succeededFuture(7);
      };

  private CommandLine commandLine() {
    return TributaryCommand.commandLine(
        List.of(
            new ContainerProgram("fake-controller", "Run a fake controller.", () -> recording)));
  }

  @Test
  void runsTheProgramInTheForegroundWithTheProcessEnvAndReturnsItsExitCode() {
    int code = commandLine().execute("fake-controller");

    assertThat(code).isEqualTo(7);
    assertThat(seen.get().args()).isEmpty();
    assertThat(seen.get().path()).isEqualTo(System.getenv("PATH"));
    assertThat(seen.get().stopRequestedAtStart()).isFalse();
  }

  @Test
  void handsEveryArgumentToTheProgramUntouched() {
    List<String> args = List.of("--disable-ha", "-v", "--", "@file", "--help", "x y");

    assertThat(commandLine().execute(concat("fake-controller", args))).isEqualTo(7);
    assertThat(seen.get().args()).isEqualTo(args);
  }

  @Test
  void helpListsRegisteredProgramsWithTheirDescription() {
    CommandLine commandLine = commandLine();
    StringWriter out = new StringWriter();
    commandLine.setOut(new PrintWriter(out));

    assertThat(commandLine.execute("--help")).isZero();
    assertThat(out.toString()).containsPattern("(?m)^  fake-controller +Run a fake controller\\.$");
    assertThat(seen.get()).as("help runs no program").isNull();
  }

  @Test
  void eachRunGetsAFreshProgram() {
    int[] made = {0};
    CommandLine commandLine =
        TributaryCommand.commandLine(
            List.of(
                new ContainerProgram(
                    "counted",
                    "Counted.",
                    () -> {
                      made[0]++;
                      return recording;
                    })));

    assertThat(made[0]).as("building the command line makes no program").isZero();
    commandLine.execute("counted");
    assertThat(made[0]).isEqualTo(1);
  }

  @Test
  void theRegisteredProgramsHaveDistinctNamesThatAreNotBuiltInCommands() {
    List<String> names = ContainerPrograms.all().stream().map(ContainerProgram::name).toList();

    assertThat(names).doesNotHaveDuplicates().doesNotContain("up", "demo", "heartbeats", "help");
    // Building the real command line must not clash with the built-in subcommands either.
    assertThat(TributaryCommand.commandLine().getSubcommands()).containsKeys("up", "heartbeats");
  }

  private static String[] concat(String first, List<String> rest) {
    String[] all = new String[rest.size() + 1];
    all[0] = first;
    for (int i = 0; i < rest.size(); i++) {
      all[i + 1] = rest.get(i);
    }
    return all;
  }
}
