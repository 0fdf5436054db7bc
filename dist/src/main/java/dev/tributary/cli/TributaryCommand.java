package dev.tributary.cli;

import java.util.List;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/** The {@code tributary} command line: one subcommand per program or task. */
@Command(
    name = "tributary",
    mixinStandardHelpOptions = true,
    versionProvider = VersionProvider.class,
    description = "Knative Eventing's event sources, in Java.",
    // Wide enough that every subcommand's description stays on one line next to the longest name.
    usageHelpWidth = 120,
    subcommands = {
      CommandLine.HelpCommand.class,
      EventDisplayCommand.class,
      HeartbeatsCommand.class,
      DemoCommand.class,
      UpCommand.class,
      StatusCommand.class,
      DownCommand.class
    })
public final class TributaryCommand implements Runnable {

  @CommandLine.Spec CommandLine.Model.CommandSpec spec;

  @Override
  public void run() {
    spec.commandLine().usage(spec.commandLine().getOut());
  }

  /** Builds the command line; tests use this to run commands in-process. */
  public static CommandLine commandLine() {
    return commandLine(ContainerPrograms.all());
  }

  /** The command line with {@code programs} as extra subcommands ({@link ProgramCommand}). */
  static CommandLine commandLine(List<ContainerProgram> programs) {
    CommandLine commandLine = new CommandLine(new TributaryCommand());
    for (ContainerProgram program : programs) {
      commandLine.addSubcommand(ProgramCommand.commandLine(program));
    }
    // Programs' arguments are a container's args: no "@file" expansion anywhere.
    commandLine.setExpandAtFiles(false);
    passArgumentsUntouched(commandLine.getSubcommands().get("heartbeats"));
    for (ContainerProgram program : programs) {
      passArgumentsUntouched(commandLine.getSubcommands().get(program.name()));
    }
    return commandLine;
  }

  /**
   * Makes {@code command} hand every argument to its program as given: unknown options become
   * positional parameters and {@code --} is not consumed, since the program parses them (as Go's
   * flag package does, which reads {@code --} itself).
   */
  private static void passArgumentsUntouched(CommandLine command) {
    command.setUnmatchedOptionsArePositionalParams(true);
    command.setStopAtPositional(true);
    command.setEndOfOptionsDelimiter("\0no-end-of-options");
  }

  public static void main(String[] args) {
    System.exit(commandLine().execute(args));
  }
}
