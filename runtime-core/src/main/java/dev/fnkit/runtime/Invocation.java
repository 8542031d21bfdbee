package dev.fnkit.runtime;

import java.io.IOException;
import java.io.InterruptedIOException;
import java.io.OutputStream;
import java.time.Instant;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;

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
  private final long startNanos = System.nanoTime();
  private final long deadlineNanos;
  private final long timeoutNanos;
  private volatile boolean clientWatched;
  private State state = State.RUNNING;
  private OutputStream body;
  private String id;
  private InvocationLog log;

  /** A running invocation; {@code timeoutNanos} of 0 means no deadline. */
  Invocation(Exchange exchange, Thread runner, long timeoutNanos) {
    this.exchange = exchange;
    this.runner = runner;
    this.timeoutNanos = timeoutNanos;
    // 0 is reserved for "none"; a nanoTime deadline that happens to be 0 moves by a nanosecond.
    long deadline = startNanos + timeoutNanos;
    this.deadlineNanos = timeoutNanos == 0 ? 0 : (deadline == 0 ? 1 : deadline);
  }

  long startNanos() {
    return startNanos;
  }

  long timeoutMillis() {
    return TimeUnit.NANOSECONDS.toMillis(timeoutNanos);
  }

  /** The {@link System#nanoTime()} of the deadline, or 0 for none. */
  long deadlineNanos() {
    return deadlineNanos;
  }

  boolean clientWatched() {
    return clientWatched;
  }

  void markClientWatched() {
    clientWatched = true;
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

  /** The deadline as an instant, or {@code null} when there is none; computed when asked. */
  Instant deadline() {
    if (deadlineNanos == 0) {
      return null;
    }
    return Instant.now().plusNanos(deadlineNanos - System.nanoTime());
  }

  /** A 16-hex-digit id, made on first use so invocations that never ask pay nothing. */
  synchronized String id() {
    if (id == null) {
      id = Hex.append(new StringBuilder(16), ThreadLocalRandom.current().nextLong(), 16).toString();
    }
    return id;
  }

  /**
   * Gives up on the function (deadline passed, client gone): closes its log with {@code reason}, so
   * nothing it logs from now on gets in; runs {@code answerNow} when nothing was sent yet; then
   * interrupts its thread.
   *
   * @return the state before; {@link State#FINISHED} or an abandoned state means this call changed
   *     nothing
   */
  synchronized State abandon(LogEntry.Severity severity, String reason, Runnable answerNow) {
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
    if (before == State.RUNNING) {
      // Answered under the lock: the function's thread cannot return to the server before it.
      answerNow.run();
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
