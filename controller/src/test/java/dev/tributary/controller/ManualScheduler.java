package dev.tributary.controller;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/** A {@link DelayScheduler} whose time moves only when a test advances it. */
final class ManualScheduler implements DelayScheduler {

  private record Pending(long dueNanos, Runnable task) {}

  private final List<Pending> pending = new ArrayList<>();
  private long nowNanos;

  @Override
  public synchronized void schedule(Duration delay, Runnable task) {
    pending.add(new Pending(nowNanos + delay.toNanos(), task));
  }

  /** Moves time forward and runs, in due order, what became due. */
  void advance(Duration by) {
    List<Pending> due = new ArrayList<>();
    synchronized (this) {
      nowNanos += by.toNanos();
      for (Pending p : List.copyOf(pending)) {
        if (p.dueNanos() <= nowNanos) {
          due.add(p);
          pending.remove(p);
        }
      }
    }
    due.sort((a, b) -> Long.compare(a.dueNanos(), b.dueNanos()));
    due.forEach(p -> p.task().run());
  }

  synchronized int pendingCount() {
    return pending.size();
  }
}
