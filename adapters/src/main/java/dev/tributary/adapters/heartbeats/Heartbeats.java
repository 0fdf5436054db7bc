package dev.tributary.adapters.heartbeats;

import dev.tributary.delivery.CeOverridesApplier;
import dev.tributary.delivery.DeliveryMetrics;
import dev.tributary.delivery.HttpEventSender;
import dev.tributary.runtime.GoFlagSet;
import dev.tributary.runtime.GoLog;
import dev.tributary.runtime.Program;
import dev.tributary.runtime.ProgramContext;
import dev.tributary.runtime.ProgramRuntime;
import io.vertx.core.Future;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpClientOptions;
import io.vertx.core.net.PemTrustOptions;

/**
 * Knative's heartbeats sample ({@code cmd/heartbeats}): sends a heartbeat event to {@code K_SINK}
 * every {@code --period}, or once with {@code ONE_SHOT=true}. Exit codes: 2 for bad flags, 1 for
 * bad configuration, 0 after a one-shot send, {@link ProgramRuntime#EXIT_TERMINATED} when stopped.
 */
public final class Heartbeats implements Program {

  @Override
  public Future<Integer> run(ProgramContext ctx) {
    GoLog log = new GoLog(ctx.log(), ctx.clock());
    GoFlagSet.Result flags = HeartbeatsFlags.FLAGS.parse(ctx.args());
    if (!(flags instanceof GoFlagSet.Parsed parsed)) {
      return Future.succeededFuture(GoFlags.reportUsage(flags, HeartbeatsFlags.FLAGS, ctx.log()));
    }
    HeartbeatsConfig config;
    try {
      config = HeartbeatsConfig.read(parsed, ctx.env());
    } catch (HeartbeatsConfig.Invalid e) {
      log.print(e.getMessage());
      return Future.succeededFuture(e.exitCode());
    }
    if (config.period().isNegative() || config.period().isZero()) {
      ctx.log().line("panic: non-positive interval for NewTicker"); // as Go's time.NewTicker
      return Future.succeededFuture(2);
    }
    if (config.defaultSource()) {
      log.print("Heartbeats Source: " + config.eventSource());
    }
    var sender =
        new HttpEventSender(
            ctx.vertx(),
            CeOverridesApplier.none(), // already applied by HeartbeatEvents
            new DeliveryMetrics(ctx.meterRegistry()),
            clientOptions(config),
            HttpEventSender.DEFAULT_POOL_SIZE);
    var loop = new HeartbeatLoop(ctx.vertx(), config, sender, ctx.clock(), log);
    if (config.oneShot()) {
      return loop.beatOnce().compose(sent -> IstioProxy.quit(ctx.vertx(), log)).map(0);
    }
    loop.start();
    return ctx.stopRequested()
        .map(
            stopped -> {
              loop.cancel();
              return ProgramRuntime.EXIT_TERMINATED;
            });
  }

  /** As upstream: an https sink trusts the given CA certificates (PEM) when there are any. */
  private static HttpClientOptions clientOptions(HeartbeatsConfig config) {
    HttpClientOptions options = new HttpClientOptions();
    if ("https".equalsIgnoreCase(config.sink().getScheme()) && !config.caCerts().isEmpty()) {
      options.setTrustOptions(new PemTrustOptions().addCertValue(Buffer.buffer(config.caCerts())));
    }
    return options;
  }
}
