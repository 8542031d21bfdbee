package dev.fnkit.runtime;

import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;

/**
 * Attributes what functions print to {@code System.out} and {@code System.err} to the invocation
 * running on the printing thread.
 *
 * <p>The JVM-wide streams are replaced once, at startup, by streams that look up the current
 * thread's invocation; output on threads without one goes to the original streams. Swapping the
 * global streams per invocation instead would mix the output of concurrent invocations.
 */
public final class ConsoleCapture {
  private static final ThreadLocal<InvocationLog> CURRENT = new ThreadLocal<>();
  private static PrintStream originalOut = System.out;
  private static PrintStream originalErr = System.err;
  private static boolean installed;

  private ConsoleCapture() {}

  /** Replaces {@code System.out} and {@code System.err}; later calls do nothing. */
  public static synchronized void install() {
    if (installed) {
      return;
    }
    originalOut = System.out;
    originalErr = System.err;
    System.setOut(new PrintStream(new Router(originalOut, false), true, StandardCharsets.UTF_8));
    System.setErr(new PrintStream(new Router(originalErr, true), true, StandardCharsets.UTF_8));
    installed = true;
  }

  /** The standard output as it was before {@link #install()}: where the runtime's own lines go. */
  public static synchronized PrintStream originalOut() {
    return originalOut;
  }

  /** The standard error as it was before {@link #install()}. */
  public static synchronized PrintStream originalErr() {
    return originalErr;
  }

  static void attach(InvocationLog log) {
    CURRENT.set(log);
  }

  static void detach() {
    CURRENT.remove();
  }

  private static final class Router extends OutputStream {
    private final PrintStream original;
    private final boolean error;

    Router(PrintStream original, boolean error) {
      this.original = original;
      this.error = error;
    }

    @Override
    public void write(int b) {
      write(new byte[] {(byte) b}, 0, 1);
    }

    @Override
    public void write(byte[] bytes, int offset, int length) {
      InvocationLog log = CURRENT.get();
      if (log == null) {
        original.write(bytes, offset, length);
      } else {
        log.console(error, bytes, offset, length);
      }
    }

    @Override
    public void flush() {
      if (CURRENT.get() == null) {
        original.flush();
      }
    }
  }
}
