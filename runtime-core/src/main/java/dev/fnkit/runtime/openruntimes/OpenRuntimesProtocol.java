package dev.fnkit.runtime.openruntimes;

import dev.fnkit.runtime.Exchange;
import dev.fnkit.runtime.Headers;
import dev.fnkit.runtime.Invoker;
import dev.fnkit.runtime.LogSink;
import dev.fnkit.runtime.Protocol;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.security.MessageDigest;
import java.time.Duration;

/**
 * The Open Runtimes v5 executor protocol around the invocation core. For each request, in order:
 * the {@code /__opr/health} and {@code /__opr/timings} routes; the {@code x-open-runtimes-timeout}
 * header; the secret (constant-time); the logging switch and log id; then the invocation through an
 * {@link OpenRuntimesExchange}, with the header's timeout and the invocation's log files. A
 * function that could not be loaded answers 503 to every invocation, with the reason in the error
 * log, while health stays 200.
 */
public final class OpenRuntimesProtocol implements Protocol {
  static final String TIMEOUT_ERROR =
      "Header \"x-open-runtimes-timeout\" must be an integer greater than 0.";
  static final String SECRET_ERROR =
      "Unauthorized. Provide correct \"x-open-runtimes-secret\" header.";

  /** What the error log says when the deadline passes. */
  public static final String TIMEOUT_MESSAGE = "Execution timed out.";

  private static final LogSink NO_LOGS = entry -> {};
  private static final Headers TEXT =
      new Headers().set("content-type", "text/plain; charset=utf-8");

  private final OpenRuntimesConfig config;
  private final Invoker invoker;
  private final String loadFailure;
  private final byte[] secret;

  private OpenRuntimesProtocol(OpenRuntimesConfig config, Invoker invoker, String loadFailure) {
    this.config = config;
    this.invoker = invoker;
    this.loadFailure = loadFailure;
    this.secret = config.secret().getBytes(StandardCharsets.UTF_8);
  }

  /** The protocol serving a loaded function. */
  public static OpenRuntimesProtocol serving(OpenRuntimesConfig config, Invoker invoker) {
    return new OpenRuntimesProtocol(config, invoker, null);
  }

  /** The protocol when the function could not be loaded: every invocation answers 503. */
  public static OpenRuntimesProtocol failedToLoad(OpenRuntimesConfig config, String reason) {
    return new OpenRuntimesProtocol(config, null, reason);
  }

  @Override
  public void handle(Exchange exchange) {
    String path = exchange.rawPath();
    if (path.equals("/__opr/health")) {
      respond(exchange, 200, "OK");
      return;
    }
    if (path.equals("/__opr/timings")) {
      timings(exchange);
      return;
    }

    Duration timeout = invoker == null ? Duration.ZERO : invoker.settings().timeout();
    String timeoutHeader = exchange.header("x-open-runtimes-timeout");
    if (timeoutHeader != null) {
      int seconds = positiveInt(timeoutHeader);
      if (seconds <= 0) {
        respond(exchange, 500, TIMEOUT_ERROR);
        return;
      }
      timeout = Duration.ofSeconds(seconds);
    }

    if (secret.length > 0) {
      String given = exchange.header("x-open-runtimes-secret");
      byte[] provided = (given == null ? "" : given).getBytes(StandardCharsets.UTF_8);
      if (!MessageDigest.isEqual(secret, provided)) {
        respond(exchange, 401, SECRET_ERROR);
        return;
      }
    }

    boolean logging = !"disabled".equalsIgnoreCase(exchange.header("x-open-runtimes-logging"));
    String logId = logging ? logId(exchange.header("x-open-runtimes-log-id")) : "";
    OpenRuntimesLogSink files = logging ? new OpenRuntimesLogSink(config.logsDir(), logId) : null;
    OpenRuntimesExchange view = new OpenRuntimesExchange(exchange, config.enforcedHeaders(), logId);

    if (invoker == null) {
      if (files != null) {
        files.error(loadFailure);
        files.close();
      }
      try {
        view.respond(503, new Headers(), new byte[0]);
      } catch (IOException | RuntimeException clientGone) {
        // Nobody left to tell.
      }
      return;
    }
    invoker.invoke(view, timeout, files != null ? files : NO_LOGS);
  }

  private String logId(String given) {
    if (given != null && !given.isEmpty() && LogIds.isSafe(given)) {
      return given;
    }
    return config.development() ? "dev" : LogIds.generate();
  }

  private void timings(Exchange exchange) {
    try {
      byte[] body = Files.readAllBytes(config.telemetryDir().resolve("timings.txt"));
      exchange.respond(200, TEXT.copy(), body);
    } catch (NoSuchFileException missing) {
      respond(exchange, 404, "No timings recorded.");
    } catch (IOException e) {
      respond(exchange, 500, "Timings cannot be read.");
    }
  }

  private static int positiveInt(String text) {
    try {
      return Integer.parseInt(text.trim());
    } catch (NumberFormatException notAnInteger) {
      return -1;
    }
  }

  private static void respond(Exchange exchange, int status, String text) {
    try {
      exchange.respond(status, TEXT.copy(), text.getBytes(StandardCharsets.UTF_8));
    } catch (IOException | RuntimeException clientGone) {
      // Nobody left to tell.
    }
  }
}
