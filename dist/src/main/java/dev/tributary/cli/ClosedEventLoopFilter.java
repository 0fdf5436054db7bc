package dev.tributary.cli;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.turbo.TurboFilter;
import ch.qos.logback.core.spi.FilterReply;
import java.util.concurrent.RejectedExecutionException;
import org.slf4j.Marker;

/**
 * Drops Vert.x's "Unhandled exception" reports of a {@link RejectedExecutionException} from a
 * context: while {@code up} stops, a watch's WebSocket may finish closing after the Vert.x it
 * reports to has stopped its event loop, and Vert.x then prints a stack trace per WebSocket.
 * Nothing is lost (the watch is being closed on purpose) and the user would only see alarming
 * noise. Any other unhandled exception still gets through. Installed by {@code logback.xml}.
 */
public final class ClosedEventLoopFilter extends TurboFilter {

  private static final String VERTX_CONTEXT_LOGGER = "io.vertx.core.impl.ContextImpl";

  @Override
  public FilterReply decide(
      Marker marker, Logger logger, Level level, String format, Object[] params, Throwable t) {
    return t instanceof RejectedExecutionException && VERTX_CONTEXT_LOGGER.equals(logger.getName())
        ? FilterReply.DENY
        : FilterReply.NEUTRAL;
  }
}
