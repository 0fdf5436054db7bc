package dev.tributary.bench;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * CPU time and heap allocation over one benchmark phase, per event: this JVM's (all its threads:
 * event loops, GC, JIT) and, when given its pid, the sink process's. On a machine where the client
 * and the sink share the cores, the rate follows the sum of both per-event costs, and these figures
 * stay meaningful when other load on the machine makes the rates noisy.
 */
final class CpuMeter {
  /** Linux reports process times in clock ticks; USER_HZ is 100 on every mainstream kernel. */
  private static final double NANOS_PER_TICK = 1e9 / 100;

  private final long sinkPid;
  private final long ownCpuNanos;
  private final long allocatedBytes;
  private final long sinkTicks;
  private final long[] ownTicks;

  private CpuMeter(long sinkPid) {
    this.sinkPid = sinkPid;
    this.ownTicks = userAndSystemTicks(ProcessHandle.current().pid());
    this.ownCpuNanos = ownCpuNanos();
    this.allocatedBytes = allocatedBytes();
    this.sinkTicks = sinkPid > 0 ? ticks(sinkPid) : -1;
  }

  /** Starts measuring; {@code sinkPid} ≤ 0 means the sink is not measured. */
  static CpuMeter start(long sinkPid) {
    return new CpuMeter(sinkPid);
  }

  /** Prints {@code key=value} lines for the {@code events} sent since {@link #start}. */
  void print(long events) {
    long n = Math.max(1, events);
    System.out.printf("sender_cpu_us_per_event=%.1f%n", (ownCpuNanos() - ownCpuNanos) / 1e3 / n);
    long[] own = userAndSystemTicks(ProcessHandle.current().pid());
    // User time is the sender's own code (and the JVM's); system time its sockets and wake-ups.
    System.out.printf(
        "sender_user_us_per_event=%.1f%n", (own[0] - ownTicks[0]) * NANOS_PER_TICK / 1e3 / n);
    System.out.printf(
        "sender_sys_us_per_event=%.1f%n", (own[1] - ownTicks[1]) * NANOS_PER_TICK / 1e3 / n);
    System.out.printf("sender_alloc_bytes_per_event=%d%n", (allocatedBytes() - allocatedBytes) / n);
    if (sinkTicks >= 0) {
      double sinkNanos = (ticks(sinkPid) - sinkTicks) * NANOS_PER_TICK;
      System.out.printf("sink_cpu_us_per_event=%.1f%n", sinkNanos / 1e3 / n);
    }
  }

  private static long ownCpuNanos() {
    return ((com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean())
        .getProcessCpuTime();
  }

  private static long allocatedBytes() {
    return ((com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean())
        .getTotalThreadAllocatedBytes();
  }

  /** utime + stime of a process, in clock ticks. */
  static long ticks(long pid) {
    long[] ticks = userAndSystemTicks(pid);
    return ticks[0] + ticks[1];
  }

  /** utime and stime of a process, from /proc/PID/stat (fields 14 and 15). */
  private static long[] userAndSystemTicks(long pid) {
    try {
      String stat = Files.readString(Path.of("/proc", Long.toString(pid), "stat"));
      // The command name (field 2) may hold spaces; count fields after its closing parenthesis.
      String[] fields = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
      return new long[] {Long.parseLong(fields[11]), Long.parseLong(fields[12])};
    } catch (IOException | RuntimeException e) {
      throw new IllegalStateException("cannot read the CPU time of process " + pid, e);
    }
  }
}
