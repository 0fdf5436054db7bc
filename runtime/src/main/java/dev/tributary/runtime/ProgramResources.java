package dev.tributary.runtime;

import java.util.ArrayDeque;
import java.util.Deque;

/**
 * What a program opened outside its Vert.x instance (Kubernetes clients, informers, leader
 * electors) and the {@link ProgramRuntime} must close when the program ends however it ends — above
 * all when it is killed after its stop grace period, when the program's own shutdown never ran.
 * Without this, a killed in-JVM pod's informers and electors would live on in the JVM (and keep
 * acting: a ping adapter would keep its Leases and go on sending).
 *
 * <p>Closed newest first. Closing must be idempotent, since a program that ends normally has
 * usually closed them already. Something owned after {@link #closeAll()} is closed at once.
 * Thread-safe.
 */
public final class ProgramResources {

  private final Deque<AutoCloseable> owned = new ArrayDeque<>();
  private boolean closed; // guarded by owned

  ProgramResources() {}

  /** Closes {@code resource} when the program ends; returns it. */
  public <T extends AutoCloseable> T own(T resource) {
    synchronized (owned) {
      if (!closed) {
        owned.push(resource);
        return resource;
      }
    }
    closeQuietly(resource);
    return resource;
  }

  /** Closes everything owned, newest first; failures are returned to the caller's log. */
  void closeAll(LogSink log) {
    while (true) {
      AutoCloseable next;
      synchronized (owned) {
        closed = true;
        next = owned.poll();
      }
      if (next == null) {
        return;
      }
      try {
        next.close();
      } catch (Exception e) {
        log.line("closing a program resource failed: " + e);
      }
    }
  }

  private static void closeQuietly(AutoCloseable resource) {
    try {
      resource.close();
    } catch (Exception e) {
      // Owned after the program ended: nobody is left to tell but the thread's handler.
      Thread.currentThread()
          .getUncaughtExceptionHandler()
          .uncaughtException(Thread.currentThread(), e);
    }
  }
}
