package dev.fnkit.runtime;

import dev.fnkit.sdk.HttpException;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;

/**
 * Runs invocations of one loaded function: the same code path for the Jetty runtime and the
 * testkit.
 *
 * <p>{@link #invoke} runs the function on the calling thread. The process's {@link Watchdog}
 * enforces deadlines: when one passes, it answers the client itself, at once, and interrupts the
 * function's thread; whatever the function does afterwards is discarded. Thread-safe.
 */
public final class Invoker {
  private static final byte[] EMPTY = new byte[0];

  private final LoadedFunction function;
  private final InvokerSettings settings;
  private final Json json;
  private final LogFormat logFormat;

  public Invoker(LoadedFunction function, InvokerSettings settings) {
    this.function = function;
    this.settings = settings;
    this.json = function.json();
    this.logFormat = new LogFormat(json);
  }

  public LoadedFunction function() {
    return function;
  }

  public InvokerSettings settings() {
    return settings;
  }

  /** Runs one invocation to its end with the settings' timeout and log sink; never throws. */
  public void invoke(Exchange exchange) {
    invoke(exchange, settings.timeout(), settings.logSinks().get());
  }

  /**
   * Runs one invocation to its end with its own timeout and log sink (a protocol may set both per
   * request); never throws.
   */
  public void invoke(Exchange exchange, Duration timeout, LogSink logSink) {
    long contentLength = exchange.contentLength();
    if (contentLength > settings.maxBodyBytes()) {
      respondText(exchange, 413, bodyTooLargeMessage(settings.maxBodyBytes()));
      return;
    }
    Invocation invocation = new Invocation(exchange, Thread.currentThread(), timeout.toNanos());
    InvocationLog log = new InvocationLog(invocation, logSink, logFormat);
    invocation.setLog(log);
    FunctionRequest request = new FunctionRequest(exchange, invocation, settings, json);
    FunctionResponse response = new FunctionResponse(invocation, json);

    Watchdog.register(invocation, this);

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
    Watchdog.unregister(invocation);
    Invocation.State before = invocation.finish();
    switch (before) {
      case RUNNING -> answer(invocation, response, failure);
      case STREAMING -> endStream(invocation, failure);
      case STREAM_ABANDONED -> exchange.abort();
      case ABANDONED, FINISHED -> {
        // The watchdog answered already, and closed the log.
      }
    }
  }

  /** The watchdog's look at a running invocation, once per tick. */
  void tick(Invocation invocation, long now) {
    if (invocation.deadlineNanos() != 0 && now - invocation.deadlineNanos() >= 0) {
      Watchdog.unregister(invocation);
      expire(invocation);
    } else if (!invocation.clientWatched()
        && now - invocation.startNanos() >= Watchdog.WATCH_CLIENT_AFTER_NANOS) {
      invocation.markClientWatched();
      invocation.exchange().watchClient(() -> cancel(invocation));
    }
  }

  /**
   * Answers for a function that returned or threw. The log is complete and closed before the answer
   * leaves, so whoever reads the logs once answered (an executor) reads all of them.
   */
  private void answer(Invocation invocation, FunctionResponse response, Throwable failure) {
    Exchange exchange = invocation.exchange();
    if (failure == null) {
      invocation.log().close();
      respondQuietly(exchange, response.status(), response.headersToSend(), response.body());
      return;
    }
    HttpException chosen = httpException(failure);
    if (chosen != null) {
      if (chosen.getCause() != null) {
        invocation.log().error(chosen.status() + " " + chosen.getMessage(), chosen.getCause());
      }
      invocation.log().close();
      respondText(exchange, chosen.status(), chosen.getMessage());
      return;
    }
    invocation.log().error("Unhandled exception in " + function.name() + ":", failure);
    invocation.log().close();
    respondQuietly(exchange, 500, new Headers(), EMPTY);
  }

  private void endStream(Invocation invocation, Throwable failure) {
    if (failure != null) {
      invocation.log().error("Unhandled exception while streaming the response:", failure);
      invocation.log().close();
      invocation.exchange().abort();
      return;
    }
    invocation.log().close();
    try (OutputStream body = invocation.streamedBody()) {
      body.flush();
    } catch (IOException clientGone) {
      // Nothing left to tell a client that is gone.
    }
  }

  private void expire(Invocation invocation) {
    String message =
        settings.timeoutMessage() != null
            ? settings.timeoutMessage()
            : "Invocation timed out after " + invocation.timeoutMillis() + " ms.";
    invocation.abandon(
        LogEntry.Severity.ERROR,
        message,
        () ->
            respondQuietly(invocation.exchange(), settings.timeoutStatus(), new Headers(), EMPTY));
  }

  private void cancel(Invocation invocation) {
    invocation.abandon(
        LogEntry.Severity.INFO, "Invocation cancelled: the client disconnected.", () -> {});
  }

  /** An {@link HttpException} the function threw, or one the runtime raised (body too large). */
  private static HttpException httpException(Throwable failure) {
    Throwable cause = failure;
    for (int depth = 0; cause != null && depth < 16; depth++, cause = cause.getCause()) {
      if (cause instanceof HttpException chosen) {
        return chosen;
      }
      if (cause instanceof BodyTooLargeException tooLarge) {
        return new HttpException(413, tooLarge.getMessage());
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
