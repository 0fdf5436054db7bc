package dev.tributary.bench;

import dev.tributary.delivery.CeOverridesApplier;
import dev.tributary.delivery.DeliveryMetrics;
import dev.tributary.delivery.DeliveryOutcome;
import dev.tributary.delivery.DeliveryTarget;
import dev.tributary.delivery.HttpEventSender;
import dev.tributary.delivery.RetryPolicy;
import io.cloudevents.CloudEvent;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpClientOptions;
import java.net.URI;
import java.time.Duration;
import java.util.Arrays;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.LongAdder;

/**
 * Measures {@link HttpEventSender} against a sink: (1) the sustained rate with a fixed number of
 * sends in flight (closed loop, like wrk's connections), (2) p50/p99 latency of single sends at
 * half of that rate (open loop). Prints {@code key=value} lines for bench/sender-vs-wrk.sh.
 *
 * <p>Usage: {@code SenderBench SINK_URL CONCURRENCY WARMUP_S MEASURE_S}
 */
public final class SenderBench {
  private SenderBench() {}

  public static void main(String[] args) throws Exception {
    URI sink = URI.create(args[0]);
    int concurrency = Integer.parseInt(args[1]);
    int warmupSeconds = Integer.parseInt(args[2]);
    int measureSeconds = Integer.parseInt(args[3]);

    Vertx vertx = Vertx.vertx();
    HttpEventSender sender =
        new HttpEventSender(
            vertx,
            CeOverridesApplier.none(),
            DeliveryMetrics.noop(),
            new HttpClientOptions(),
            concurrency);
    DeliveryTarget target = DeliveryTarget.of(sink, RetryPolicy.sourceDefault());

    closedLoop(sender, target, concurrency, Duration.ofSeconds(warmupSeconds));
    double peak = closedLoop(sender, target, concurrency, Duration.ofSeconds(measureSeconds));
    System.out.printf("sender_events_per_s=%.0f%n", peak);

    long[] latencies = openLoop(sender, target, peak / 2, Duration.ofSeconds(measureSeconds));
    Arrays.sort(latencies);
    System.out.printf("half_rate_events_per_s=%.0f%n", peak / 2);
    System.out.printf("p50_ms=%.3f%n", percentile(latencies, 0.50) / 1e6);
    System.out.printf("p99_ms=%.3f%n", percentile(latencies, 0.99) / 1e6);
    sender.close();
    vertx.close().await();
  }

  /** Keeps {@code concurrency} sends in flight for {@code duration}; returns delivered/s. */
  private static double closedLoop(
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
    return delivered.sum() / seconds;
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

  /** Starts one send every 1/rate seconds for {@code duration}; returns each send's latency. */
  private static long[] openLoop(
      HttpEventSender sender, DeliveryTarget target, double rate, Duration duration)
      throws InterruptedException {
    int total = (int) Math.max(1, rate * duration.toSeconds());
    long[] latencies = new long[total];
    CountDownLatch done = new CountDownLatch(total);
    long intervalNanos = (long) (1e9 / rate);
    long start = System.nanoTime();
    for (int i = 0; i < total; i++) {
      long due = start + i * intervalNanos;
      long wait = due - System.nanoTime();
      if (wait > 0) {
        TimeUnit.NANOSECONDS.sleep(wait);
      }
      int slot = i;
      CloudEvent event = BenchEvents.heartbeat(i);
      // Measured from the scheduled start, so a stalled sender cannot hide its queueing time.
      sender
          .send(event, target)
          .onComplete(
              result -> {
                latencies[slot] = System.nanoTime() - due;
                done.countDown();
              });
    }
    done.await();
    return latencies;
  }

  private static double percentile(long[] sorted, double p) {
    return sorted[Math.min(sorted.length - 1, (int) Math.ceil(p * sorted.length) - 1)];
  }
}
