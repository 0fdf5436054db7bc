package dev.tributary.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;
import picocli.CommandLine.ParseResult;

class TributaryCommandTest {

  @Test
  void helpListsTheProgramsWithOneLineDescriptions() {
    CommandLine commandLine = TributaryCommand.commandLine();
    StringWriter out = new StringWriter();
    commandLine.setOut(new PrintWriter(out));

    assertThat(commandLine.execute("--help")).isZero();
    assertThat(out.toString())
        .containsPattern(
            "(?m)^  event-display +Print received CloudEvents, as Knative's event_display\\.$")
        .containsPattern(
            "(?m)^  heartbeats +Send heartbeat CloudEvents to K_SINK, as Knative's heartbeats\\.$")
        .containsPattern(
            "(?m)^  apiserver-receive-adapter +Run an ApiServerSource's receive adapter\\.$")
        .containsPattern(
            "(?m)^  webhook +Run eventing-webhook: defaulting, validation, conversion, SinkBinding"
                + " injection\\.$");
  }

  @Test
  void helpListsStatusAndDown() {
    CommandLine commandLine = TributaryCommand.commandLine();
    StringWriter out = new StringWriter();
    commandLine.setOut(new PrintWriter(out));

    assertThat(commandLine.execute("--help")).isZero();
    assertThat(out.toString())
        .containsPattern(
            "(?m)^  status +Show whether the local cluster runs, and what runs in it, where\\.$")
        .containsPattern(
            "(?m)^  down +Stop the local cluster \\(as Ctrl-C in the terminal of tributary up\\)\\.$");
  }

  @Test
  void upStatusAndDownShareTheDataDirectoryAndItsDefault() {
    Path home = Path.of(System.getProperty("user.home"));
    for (String command : List.of("up", "status", "down")) {
      assertThat(dataDirOption(command).path()).as(command).isEqualTo(home.resolve(".tributary"));
      assertThat(dataDirOption(command, "--data-dir", "/tmp/x").path())
          .as(command)
          .isEqualTo(Path.of("/tmp/x"));
    }
  }

  @Test
  void downTakesATimeoutAsKubectlDoes() {
    ParseResult parsed = TributaryCommand.commandLine().parseArgs("down", "--timeout", "1m30s");
    DownCommand down = (DownCommand) parsed.subcommand().commandSpec().userObject();

    assertThat(down.timeout).isEqualTo(Duration.ofSeconds(90));
    assertThat(down.force).isFalse();
    DownCommand byDefault =
        (DownCommand)
            TributaryCommand.commandLine()
                .parseArgs("down")
                .subcommand()
                .commandSpec()
                .userObject();
    assertThat(byDefault.timeout).isEqualTo(Duration.ofSeconds(60));
  }

  private static DataDirOption dataDirOption(String command, String... args) {
    String[] all = Stream.concat(Stream.of(command), Stream.of(args)).toArray(String[]::new);
    Object parsed =
        TributaryCommand.commandLine().parseArgs(all).subcommand().commandSpec().userObject();
    return switch (parsed) {
      case UpCommand up -> up.dataDirOption;
      case StatusCommand status -> status.dataDirOption;
      case DownCommand down -> down.dataDirOption;
      default -> throw new AssertionError(parsed);
    };
  }

  @Test
  void heartbeatsReceivesItsArgumentsUntouched() {
    List<String> args =
        List.of("--period=1", "-sink", "http://x", "-h", "--", "@file", "--label=\"a b\"", "-V");

    assertThat(heartbeatsArgs(args)).isEqualTo(args);
    assertThat(heartbeatsArgs(List.of("rest", "--help"))).containsExactly("rest", "--help");
    assertThat(heartbeatsArgs(List.of())).isEmpty();
  }

  private static List<String> heartbeatsArgs(List<String> args) {
    CommandLine commandLine = TributaryCommand.commandLine();
    String[] all = Stream.concat(Stream.of("heartbeats"), args.stream()).toArray(String[]::new);
    ParseResult parsed = commandLine.parseArgs(all);
    HeartbeatsCommand command = (HeartbeatsCommand) parsed.subcommand().commandSpec().userObject();
    return command.args;
  }
}
