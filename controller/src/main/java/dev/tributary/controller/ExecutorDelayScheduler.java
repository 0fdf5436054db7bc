package dev.tributary.controller;

import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/** A {@link DelayScheduler} on one daemon thread of its own. Close it to cancel pending tasks. */
public final class ExecutorDelayScheduler implements DelayScheduler, AutoCloseable {

  private final ScheduledExecutorService executor;

  public ExecutorDelayScheduler(String threadName) {
    this.executor =
        Executors.newSingleThreadScheduledExecutor(
            runnable -> {
              Thread thread = new Thread(runnable, threadName);
              thread.setDaemon(true);
              return thread;
            });
  }

  @Override
  public void schedule(Duration delay, Runnable task) {
    try {
      executor.schedule(task, delay.toNanos(), TimeUnit.NANOSECONDS);
    } catch (RejectedExecutionException closed) {
      // Closed: the queue it would feed is shutting down too, so the task has nothing to do.
    }
  }

  @Override
  public void close() {
    executor.shutdownNow();
  }
}
