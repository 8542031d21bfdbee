package dev.fnkit.runtime;

import dev.fnkit.sdk.HttpException;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.TimeUnit;

/**
 * Runs invocations of one loaded function: the same code path for the Jetty runtime and the
 * testkit.
 *
 * <p>{@link #invoke} runs the function on the calling thread. A single watchdog thread enforces
 * deadlines: when one passes, it interrupts the function's thread and answers the client itself, at
 * once; whatever the function does afterwards is discarded. Thread-safe.
 */
public final class Invoker {
  private static final byte[] EMPTY = new byte[0];

  /** Invocations shorter than this never pay for watching their client. */
  private static final long WATCH_CLIENT_AFTER_NANOS = TimeUnit.MILLISECONDS.toNanos(500);

  private final LoadedFunction function;
  private final InvokerSettings settings;
  private final Json json;
  private final LogFormat logFormat;

  /** One watchdog thread per process serves every invoker: it only schedules and interrupts. */
  private static final ScheduledThreadPoolExecutor WATCHDOG = newWatchdog();

  public Invoker(LoadedFunction function, InvokerSettings settings) {
    this.function = function;
    this.settings = settings;
    this.json = function.json();
    this.logFormat = new LogFormat(json);
  }

  private static ScheduledThreadPoolExecutor newWatchdog() {
    ScheduledThreadPoolExecutor watchdog =
        new ScheduledThreadPoolExecutor(
            1,
            task -> {
              Thread thread = new Thread(task, "fnkit-watchdog");
              thread.setDaemon(true);
              return thread;
            });
    watchdog.setRemoveOnCancelPolicy(true);
    return watchdog;
  }

  public LoadedFunction function() {
    return function;
  }

  public InvokerSettings settings() {
    return settings;
  }

  /** Runs one invocation to its end; never throws. */
  public void invoke(Exchange exchange) {
    long contentLength = exchange.contentLength();
    if (contentLength > settings.maxBodyBytes()) {
      respondText(exchange, 413, bodyTooLargeMessage(settings.maxBodyBytes()));
      return;
    }
    long timeoutNanos = settings.timeout().toNanos();
    Instant deadline = timeoutNanos > 0 ? Instant.now().plusNanos(timeoutNanos) : null;
    Invocation invocation = new Invocation(exchange, Thread.currentThread(), deadline);
    InvocationLog log = new InvocationLog(invocation, settings.logSinks().get(), logFormat);
    invocation.setLog(log);
    FunctionRequest request = new FunctionRequest(exchange, invocation, settings, json);
    FunctionResponse response = new FunctionResponse(invocation, json);

    invocation.setTimer(
        WATCHDOG.schedule(
            () -> checkpoint(invocation, timeoutNanos),
            timeoutNanos > 0
                ? Math.min(timeoutNanos, WATCH_CLIENT_AFTER_NANOS)
                : WATCH_CLIENT_AFTER_NANOS,
            TimeUnit.NANOSECONDS));

    Thread thread = Thread.currentThread();
    ClassLoader callerLoader = thread.getContextClassLoader();
    thread.setContextClassLoader(function.classLoader());
    ConsoleCapture.attach(log);
    Throwable failure = null;
    try {
      function.handler().handle(request, response);
    } catch (Throwable thrown) {
      failure = thrown;
    } finally {
      ConsoleCapture.detach();
      thread.setContextClassLoader(callerLoader);
    }
    Invocation.State before = invocation.finish();
    invocation.cancelTimer();
    switch (before) {
      case RUNNING -> answer(invocation, response, failure);
      case STREAMING -> endStream(invocation, failure);
      case STREAM_ABANDONED -> exchange.abort();
      case ABANDONED, FINISHED -> {
        // The watchdog answered already, and closes the log.
      }
    }
    if (before == Invocation.State.RUNNING || before == Invocation.State.STREAMING) {
      log.close();
    }
  }

  /**
   * The watchdog's first look at a running invocation: past the deadline it expires; otherwise the
   * invocation is long enough to be worth watching the client for, and the deadline is set.
   */
  private void checkpoint(Invocation invocation, long timeoutNanos) {
    if (!invocation.isRunning()) {
      return;
    }
    long elapsed = System.nanoTime() - invocation.startNanos();
    if (timeoutNanos > 0 && elapsed >= timeoutNanos) {
      expire(invocation);
      return;
    }
    invocation.exchange().watchClient(() -> cancel(invocation));
    if (timeoutNanos > 0) {
      invocation.setTimer(
          WATCHDOG.schedule(
              () -> expire(invocation), timeoutNanos - elapsed, TimeUnit.NANOSECONDS));
    }
  }

  private void answer(Invocation invocation, FunctionResponse response, Throwable failure) {
    Exchange exchange = invocation.exchange();
    if (failure == null) {
      respondQuietly(exchange, response.status(), response.headersToSend(), response.body());
      return;
    }
    HttpException chosen = httpException(failure);
    if (chosen != null) {
      if (chosen.getCause() != null) {
        invocation.log().error(chosen.status() + " " + chosen.getMessage(), chosen.getCause());
      }
      respondText(exchange, chosen.status(), chosen.getMessage());
      return;
    }
    invocation.log().error("Unhandled exception in " + function.name() + ":", failure);
    respondQuietly(exchange, 500, new Headers(), EMPTY);
  }

  private void endStream(Invocation invocation, Throwable failure) {
    if (failure != null) {
      invocation.log().error("Unhandled exception while streaming the response:", failure);
      invocation.exchange().abort();
      return;
    }
    try (OutputStream body = invocation.streamedBody()) {
      body.flush();
    } catch (IOException clientGone) {
      // Nothing left to tell a client that is gone.
    }
  }

  private void expire(Invocation invocation) {
    String reason = "Invocation timed out after " + settings.timeout().toMillis() + " ms.";
    if (invocation.abandon(LogEntry.Severity.ERROR, reason) == Invocation.State.RUNNING) {
      respondQuietly(invocation.exchange(), settings.timeoutStatus(), new Headers(), EMPTY);
    }
  }

  private void cancel(Invocation invocation) {
    invocation.abandon(LogEntry.Severity.INFO, "Invocation cancelled: the client disconnected.");
  }

  /** An {@link HttpException} the function threw, or one the runtime raised (body too large). */
  private static HttpException httpException(Throwable failure) {
    for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
      if (cause instanceof HttpException chosen) {
        return chosen;
      }
      if (cause instanceof BodyTooLargeException tooLarge) {
        return new HttpException(413, tooLarge.getMessage());
      }
      if (cause.getCause() == cause) {
        break;
      }
    }
    return null;
  }

  private static void respondText(Exchange exchange, int status, String message) {
    if (message == null || message.isEmpty()) {
      respondQuietly(exchange, status, new Headers(), EMPTY);
    } else {
      respondQuietly(
          exchange,
          status,
          new Headers().set("Content-Type", FunctionResponse.TEXT_UTF8),
          message.getBytes(StandardCharsets.UTF_8));
    }
  }

  private static void respondQuietly(Exchange exchange, int status, Headers headers, byte[] body) {
    try {
      exchange.respond(status, headers, body);
    } catch (IOException | RuntimeException clientGone) {
      // The client is gone; there is no one left to answer.
    }
  }

  static String bodyTooLargeMessage(long limit) {
    return "Request body is larger than the limit of " + limit + " bytes.";
  }
}
