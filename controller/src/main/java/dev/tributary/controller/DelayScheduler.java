package dev.tributary.controller;

import java.time.Duration;

/**
 * Runs a task after a delay. The work queue's only notion of time, so tests can drive it by hand.
 */
public interface DelayScheduler {

  /**
   * Runs {@code task} once, no earlier than {@code delay} from now, on a thread of the scheduler's
   * choosing. Must not block the caller.
   */
  void schedule(Duration delay, Runnable task);
}
