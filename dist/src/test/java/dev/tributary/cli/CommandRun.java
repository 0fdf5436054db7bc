package dev.tributary.cli;

import java.io.PrintWriter;
import java.io.StringWriter;

/**
 * One in-process run of the command line, with what it printed.
 *
 * @param exitCode the command's exit code
 * @param out what it printed on stdout
 * @param err what it printed on stderr
 */
record CommandRun(int exitCode, String out, String err) {

  /** Runs {@code tributary ARGS} in this JVM. */
  static CommandRun of(String... args) {
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    var commandLine = TributaryCommand.commandLine();
    commandLine.setOut(new PrintWriter(out, true));
    commandLine.setErr(new PrintWriter(err, true));
    int exitCode = commandLine.execute(args);
    return new CommandRun(exitCode, out.toString(), err.toString());
  }
}
