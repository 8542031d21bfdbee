package dev.fnkit.runtime;

import java.io.IOException;
import java.io.InterruptedIOException;
import java.io.OutputStream;
import java.time.Instant;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.ThreadLocalRandom;

/**
 * The state of one invocation, shared by the thread running the function and the watchdog that
 * enforces its deadline. Every transition happens under this object's lock, so exactly one side
 * answers the client, and an interrupt from the watchdog is always delivered before the function's
 * thread clears it.
 */
final class Invocation {
  enum State {
    /** The function is running; nothing has been sent. */
    RUNNING,
    /** The function is streaming its body; status and headers are sent. */
    STREAMING,
    /** The function's thread has finished and owns the answer. */
    FINISHED,
    /**
     * The deadline passed (or the client left) before anything was sent; answered by the watchdog.
     */
    ABANDONED,
    /** The deadline passed (or the client left) while streaming; the answer is cut short. */
    STREAM_ABANDONED
  }

  private final Exchange exchange;
  private final Thread runner;
  private final Instant deadline;
  private final long startNanos = System.nanoTime();
  private State state = State.RUNNING;
  private ScheduledFuture<?> timer;
  private OutputStream body;
  private String id;
  private InvocationLog log;

  Invocation(Exchange exchange, Thread runner, Instant deadline) {
    this.exchange = exchange;
    this.runner = runner;
    this.deadline = deadline;
  }

  long startNanos() {
    return startNanos;
  }

  synchronized boolean isRunning() {
    return state == State.RUNNING || state == State.STREAMING;
  }

  /** The watchdog task for this invocation; replaces (and cancels) the previous one. */
  synchronized void setTimer(ScheduledFuture<?> next) {
    if (state == State.FINISHED) {
      next.cancel(false);
    } else {
      timer = next;
    }
  }

  synchronized void cancelTimer() {
    if (timer != null) {
      timer.cancel(false);
      timer = null;
    }
  }

  void setLog(InvocationLog log) {
    this.log = log;
  }

  InvocationLog log() {
    return log;
  }

  Exchange exchange() {
    return exchange;
  }

  /** The deadline, or {@code null} when there is none. */
  Instant deadline() {
    return deadline;
  }

  /** A 16-hex-digit id, made on first use so invocations that never ask pay nothing. */
  synchronized String id() {
    if (id == null) {
      id = String.format("%016x", ThreadLocalRandom.current().nextLong());
    }
    return id;
  }

  /**
   * Gives up on the function (deadline passed, client gone): closes its log with {@code reason}, so
   * nothing it logs from now on gets in, then interrupts its thread.
   *
   * @return the state before: when {@link State#RUNNING}, nothing was sent yet and the caller must
   *     answer now; when {@link State#FINISHED} or abandoned, this call changed nothing
   */
  synchronized State abandon(LogEntry.Severity severity, String reason) {
    State before = state;
    if (state == State.RUNNING) {
      state = State.ABANDONED;
    } else if (state == State.STREAMING) {
      state = State.STREAM_ABANDONED;
    } else {
      return before;
    }
    if (log.seal()) {
      log.finishWith(severity, reason);
    }
    runner.interrupt();
    return before;
  }

  /** Called by the function's thread when it returns; after it, the thread's interrupt is clear. */
  State finish() {
    State before;
    synchronized (this) {
      before = state;
      if (state == State.RUNNING || state == State.STREAMING) {
        state = State.FINISHED;
      }
    }
    Thread.interrupted();
    return before;
  }

  /** Starts streaming; fails if the invocation was abandoned meanwhile. */
  OutputStream startStreaming(int status, Headers headers) throws IOException {
    synchronized (this) {
      if (state != State.RUNNING) {
        throw new InterruptedIOException("invocation " + describe());
      }
      state = State.STREAMING;
    }
    body = exchange.stream(status, headers);
    return new GuardedStream(body);
  }

  /** The unguarded body stream the runtime closes when the function returns. */
  OutputStream streamedBody() {
    return body;
  }

  private synchronized boolean streaming() {
    return state == State.STREAMING;
  }

  private synchronized String describe() {
    return state == State.FINISHED ? "has finished" : "was abandoned (timed out or cancelled)";
  }

  /** Refuses writes once the invocation is abandoned, so nothing reaches the client after it. */
  private final class GuardedStream extends OutputStream {
    private final OutputStream out;

    GuardedStream(OutputStream out) {
      this.out = out;
    }

    @Override
    public void write(int b) throws IOException {
      check();
      out.write(b);
    }

    @Override
    public void write(byte[] bytes, int offset, int length) throws IOException {
      check();
      out.write(bytes, offset, length);
    }

    @Override
    public void flush() throws IOException {
      check();
      out.flush();
    }

    @Override
    public void close() {
      // The runtime ends the body when the function returns.
    }

    private void check() throws InterruptedIOException {
      if (!streaming()) {
        throw new InterruptedIOException("invocation " + describe());
      }
    }
  }
}
