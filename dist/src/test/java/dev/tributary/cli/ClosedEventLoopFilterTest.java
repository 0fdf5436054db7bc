package dev.tributary.cli;

import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.core.spi.FilterReply;
import java.util.concurrent.RejectedExecutionException;
import org.junit.jupiter.api.Test;

class ClosedEventLoopFilterTest {

  private final LoggerContext context = new LoggerContext();
  private final ClosedEventLoopFilter filter = new ClosedEventLoopFilter();

  @Test
  void dropsOnlyAVertxContextsReportOfAClosedEventLoop() {
    var vertxContext = context.getLogger("io.vertx.core.impl.ContextImpl");
    var other = context.getLogger("dev.tributary.local.kubelet.Kubelet");
    var closed = new RejectedExecutionException("event executor terminated");

    assertThat(filter.decide(null, vertxContext, Level.ERROR, "Unhandled exception", null, closed))
        .isEqualTo(FilterReply.DENY);
    assertThat(
            filter.decide(
                null,
                vertxContext,
                Level.ERROR,
                "Unhandled exception",
                null,
                new IllegalStateException("a real bug")))
        .isEqualTo(FilterReply.NEUTRAL);
    assertThat(filter.decide(null, other, Level.ERROR, "task failed", null, closed))
        .isEqualTo(FilterReply.NEUTRAL);
  }
}
