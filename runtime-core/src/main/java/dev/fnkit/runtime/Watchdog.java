package dev.fnkit.runtime;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;

/**
 * One daemon thread per process that looks at every running invocation each tick: it expires those
 * past their deadline and starts watching the client of those running longer than {@link
 * #WATCH_CLIENT_AFTER_NANOS}. Registering is a map insert, so an invocation pays no timer per
 * request; deadlines are enforced within one tick.
 */
final class Watchdog {
  /** How often running invocations are looked at; a deadline is enforced at most this late. */
  static final long TICK_NANOS = TimeUnit.MILLISECONDS.toNanos(10);

  /** Invocations shorter than this never pay for watching their client. */
  static final long WATCH_CLIENT_AFTER_NANOS = TimeUnit.MILLISECONDS.toNanos(500);

  private static final Map<Invocation, Invoker> RUNNING = new ConcurrentHashMap<>();

  static {
    Thread thread = new Thread(Watchdog::run, "fnkit-watchdog");
    thread.setDaemon(true);
    thread.start();
  }

  private Watchdog() {}

  static void register(Invocation invocation, Invoker invoker) {
    RUNNING.put(invocation, invoker);
  }

  static void unregister(Invocation invocation) {
    RUNNING.remove(invocation);
  }

  private static void run() {
    while (true) {
      LockSupport.parkNanos(TICK_NANOS);
      long now = System.nanoTime();
      for (Map.Entry<Invocation, Invoker> running : RUNNING.entrySet()) {
        try {
          running.getValue().tick(running.getKey(), now);
        } catch (RuntimeException | Error e) {
          // One broken exchange must not stop the watchdog for everyone else.
          ConsoleCapture.originalErr().println("fnkit: watchdog: " + e);
        }
      }
    }
  }
}
