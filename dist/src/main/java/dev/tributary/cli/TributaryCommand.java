package dev.tributary.cli;

import picocli.CommandLine;
import picocli.CommandLine.Command;

/** The {@code tributary} command line: one subcommand per program or task. */
@Command(
    name = "tributary",
    mixinStandardHelpOptions = true,
    versionProvider = VersionProvider.class,
    description = "Knative Eventing's event sources, in Java.",
    subcommands = {CommandLine.HelpCommand.class})
public final class TributaryCommand implements Runnable {

  @CommandLine.Spec CommandLine.Model.CommandSpec spec;

  @Override
  public void run() {
    spec.commandLine().usage(spec.commandLine().getOut());
  }

  /** Builds the command line; tests use this to run commands in-process. */
  public static CommandLine commandLine() {
    return new CommandLine(new TributaryCommand());
  }

  public static void main(String[] args) {
    System.exit(commandLine().execute(args));
  }
}
