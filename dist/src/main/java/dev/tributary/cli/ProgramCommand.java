package dev.tributary.cli;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

/**
 * {@code tributary <program> [args...]}: runs one {@link ContainerProgram} in the foreground with
 * the process's env and stdout, until it ends or SIGTERM stops it; exits with its exit code. The
 * arguments reach the program untouched ({@link TributaryCommand#commandLine()} turns picocli's own
 * option handling off), as a container's args reach its binary.
 */
@Command
final class ProgramCommand implements Callable<Integer> {

  private final ContainerProgram program;

  @Parameters(paramLabel = "ARG", arity = "0..*", description = "Passed to the program as given.")
  List<String> args = new ArrayList<>();

  private ProgramCommand(ContainerProgram program) {
    this.program = program;
  }

  /** The subcommand for {@code program}, named and described as it says. */
  static CommandLine commandLine(ContainerProgram program) {
    CommandLine command = new CommandLine(new ProgramCommand(program));
    command.getCommandSpec().name(program.name());
    command.getCommandSpec().usageMessage().description(program.description());
    return command;
  }

  @Override
  public Integer call() {
    return ForegroundProgram.run(program.create().get(), args);
  }
}
