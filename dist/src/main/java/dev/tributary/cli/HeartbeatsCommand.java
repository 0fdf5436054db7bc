package dev.tributary.cli;

import dev.tributary.adapters.heartbeats.Heartbeats;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

/**
 * {@code tributary heartbeats [flags]}: Knative's heartbeats sample. Its arguments reach the
 * program untouched, to be read as Go flags ({@link TributaryCommand#commandLine()} turns picocli's
 * own option handling off for this command).
 */
@Command(
    name = "heartbeats",
    description = "Send heartbeat CloudEvents to K_SINK, as Knative's heartbeats.")
final class HeartbeatsCommand implements Callable<Integer> {

  @Parameters(paramLabel = "FLAG", arity = "0..*", description = "Go-style flags, e.g. --period=1")
  List<String> args = new ArrayList<>();

  @Override
  public Integer call() {
    return ForegroundProgram.run(new Heartbeats(), args);
  }
}
