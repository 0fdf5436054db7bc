package dev.tributary.cli;

import dev.tributary.adapters.eventdisplay.EventDisplay;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;

/** {@code tributary event-display}: Knative's event_display sample. */
@Command(
    name = "event-display",
    mixinStandardHelpOptions = true,
    description = "Print received CloudEvents, as Knative's event_display.")
final class EventDisplayCommand implements Callable<Integer> {

  @Override
  public Integer call() {
    return ForegroundProgram.run(new EventDisplay(), List.of());
  }
}
