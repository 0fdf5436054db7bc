package dev.tributary.local.kubelet;

import java.util.ArrayDeque;
import java.util.Queue;
import java.util.concurrent.Executor;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs submitted tasks one at a time, in order, on {@code delegate}: a pod worker's state is only
 * touched from its own queue, so it needs no locks. A task that throws is logged and the queue goes
 * on. Thread-safe.
 */
final class SerialExecutor implements Executor {

  private static final Logger LOG = LoggerFactory.getLogger(SerialExecutor.class);

  private final Executor delegate;
  private final String key;
  private final Queue<Runnable> tasks = new ArrayDeque<>();
  private boolean draining;

  /**
   * @param key the object the tasks are about, for logs
   */
  SerialExecutor(Executor delegate, String key) {
    this.delegate = delegate;
    this.key = key;
  }

  @Override
  public void execute(Runnable task) {
    synchronized (tasks) {
      tasks.add(task);
      if (draining) {
        return;
      }
      draining = true;
    }
    delegate.execute(this::drain);
  }

  private void drain() {
    while (true) {
      Runnable task;
      synchronized (tasks) {
        task = tasks.poll();
        if (task == null) {
          draining = false;
          return;
        }
      }
      try {
        task.run();
      } catch (RuntimeException e) {
        LOG.error("key={} pod worker task failed", key, e);
      }
    }
  }
}
