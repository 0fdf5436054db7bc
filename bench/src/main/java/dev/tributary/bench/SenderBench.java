package dev.tributary.bench;

import dev.tributary.delivery.CeOverridesApplier;
import dev.tributary.delivery.DeliveryMetrics;
import dev.tributary.delivery.DeliveryOutcome;
import dev.tributary.delivery.DeliveryTarget;
import dev.tributary.delivery.HttpEventSender;
import dev.tributary.delivery.RetryPolicy;
import io.vertx.core.Vertx;
import io.vertx.core.VertxOptions;
import io.vertx.core.http.HttpClientOptions;
import java.net.URI;
import java.time.Duration;
import java.util.Arrays;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.LongAdder;

/**
 * Measures {@link HttpEventSender} against a sink: (1) the sustained rate with a fixed number of
 * sends in flight (closed loop, like wrk's connections), (2) p50/p99 latency of single sends at
 * half of that rate (open loop). Prints {@code key=value} lines for bench/sender-vs-wrk.sh.
 *
 * <p>Usage: {@code SenderBench SINK_URL CONCURRENCY WARMUP_S MEASURE_S}. With {@code
 * -Dbench.sinkPid=PID} it also prints the sink's CPU time per event of the closed loop (Linux).
 */
public final class SenderBench {
  private SenderBench() {}

  public static void main(String[] args) throws Exception {
    URI sink = URI.create(args[0]);
    int concurrency = Integer.parseInt(args[1]);
    int warmupSeconds = Integer.parseInt(args[2]);
    int measureSeconds = Integer.parseInt(args[3]);

    // As a program's runtime gives it (ProgramRuntime): one event loop, so sends, their
    // connections and their callbacks never hop between threads.
    int eventLoops = Integer.getInteger("bench.eventLoops", 1);
    System.out.println("event_loops=" + eventLoops);
    Vertx vertx = Vertx.vertx(new VertxOptions().setEventLoopPoolSize(eventLoops));
    HttpEventSender sender =
        new HttpEventSender(
            vertx,
            CeOverridesApplier.none(),
            DeliveryMetrics.noop(),
            new HttpClientOptions(),
            concurrency);
    DeliveryTarget target = DeliveryTarget.of(sink, RetryPolicy.sourceDefault());

    closedLoop(sender, target, concurrency, Duration.ofSeconds(warmupSeconds));
    CpuMeter cpu = CpuMeter.start(Long.getLong("bench.sinkPid", -1));
    ClosedLoop measured =
        closedLoop(sender, target, concurrency, Duration.ofSeconds(measureSeconds));
    double peak = measured.perSecond();
    System.out.printf("sender_events_per_s=%.0f%n", peak);
    cpu.print(measured.delivered());

    double halfRate =
        Double.parseDouble(System.getProperty("bench.openRate", Double.toString(peak / 2)));
    long[] latencies =
        openLoop(vertx, sender, target, halfRate, Duration.ofSeconds(measureSeconds));
    Arrays.sort(latencies);
    System.out.printf("half_rate_events_per_s=%.0f%n", halfRate);
    System.out.printf("p50_ms=%.3f%n", percentile(latencies, 0.50) / 1e6);
    System.out.printf("p99_ms=%.3f%n", percentile(latencies, 0.99) / 1e6);
    sender.close();
    vertx.close().await();
  }

  /** What a closed loop delivered, in how long. */
  private record ClosedLoop(long delivered, double seconds) {
    double perSecond() {
      return delivered / seconds;
    }
  }

  /** Keeps {@code concurrency} sends in flight for {@code duration}. */
  private static ClosedLoop closedLoop(
      HttpEventSender sender, DeliveryTarget target, int concurrency, Duration duration)
      throws InterruptedException {
    long deadline = System.nanoTime() + duration.toNanos();
    LongAdder delivered = new LongAdder();
    LongAdder failed = new LongAdder();
    AtomicLong sequence = new AtomicLong();
    CountDownLatch done = new CountDownLatch(concurrency);
    long start = System.nanoTime();
    for (int i = 0; i < concurrency; i++) {
      sendUntil(sender, target, deadline, sequence, delivered, failed, done);
    }
    done.await();
    double seconds = (System.nanoTime() - start) / 1e9;
    if (failed.sum() > 0) {
      System.out.println("closed_loop_failed=" + failed.sum());
    }
    return new ClosedLoop(delivered.sum(), seconds);
  }

  private static void sendUntil(
      HttpEventSender sender,
      DeliveryTarget target,
      long deadline,
      AtomicLong sequence,
      LongAdder delivered,
      LongAdder failed,
      CountDownLatch done) {
    if (System.nanoTime() >= deadline) {
      done.countDown();
      return;
    }
    sender
        .send(BenchEvents.heartbeat(sequence.incrementAndGet()), target)
        .onComplete(
            result -> {
              if (result.succeeded() && result.result() instanceof DeliveryOutcome.Delivered) {
                delivered.increment();
              } else {
                failed.increment();
              }
              sendUntil(sender, target, deadline, sequence, delivered, failed, done);
            });
  }

  /**
   * Open loop: a 1 ms periodic timer on an event loop starts every send that is due by then, at
   * {@code rate} per second, for {@code duration}; returns each send's latency, measured from the
   * time it was due, so a sender that falls behind cannot hide its queueing time.
   */
  private static long[] openLoop(
      Vertx vertx, HttpEventSender sender, DeliveryTarget target, double rate, Duration duration)
      throws InterruptedException {
    int total = (int) Math.max(1, rate * duration.toSeconds());
    long[] latencies = new long[total];
    CountDownLatch done = new CountDownLatch(total);
    double intervalNanos = 1e9 / rate;
    long start = System.nanoTime();
    int[] issued = {0};
    vertx.setPeriodic(
        1,
        timer -> {
          long now = System.nanoTime();
          while (issued[0] < total && start + (long) (issued[0] * intervalNanos) <= now) {
            int slot = issued[0]++;
            long due = start + (long) (slot * intervalNanos);
            sender
                .send(BenchEvents.heartbeat(slot), target)
                .onComplete(
                    result -> {
                      latencies[slot] = System.nanoTime() - due;
                      done.countDown();
                    });
          }
          if (issued[0] == total) {
            vertx.cancelTimer(timer);
          }
        });
    done.await();
    return latencies;
  }

  private static double percentile(long[] sorted, double p) {
    return sorted[Math.min(sorted.length - 1, (int) Math.ceil(p * sorted.length) - 1)];
  }
}
