package dev.tributary.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
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
