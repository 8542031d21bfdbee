package dev.fnkit.runtime;

import java.time.Duration;
import java.util.Map;
import java.util.Objects;
import java.util.function.Supplier;

/**
 * What an {@link Invoker} needs besides the function: limits, the function's environment and where
 * its logs go.
 *
 * @param timeout the per-invocation deadline; {@link Duration#ZERO} for none
 * @param maxBodyBytes the largest request body accepted; larger ones are answered 413
 * @param env the function's configuration variables
 * @param logSinks makes the log sink of each invocation
 * @param timeoutStatus the status answered when the deadline passes (504 in plain mode)
 * @param timeoutMessage the error logged when the deadline passes, or {@code null} for {@code
 *     Invocation timed out after N ms.}
 */
public record InvokerSettings(
    Duration timeout,
    long maxBodyBytes,
    Map<String, String> env,
    Supplier<LogSink> logSinks,
    int timeoutStatus,
    String timeoutMessage) {

  /** The default request body limit: 20 MiB. */
  public static final long DEFAULT_MAX_BODY_BYTES = 20L * 1024 * 1024;

  /** Plain mode's settings: 504 and the default message on timeout. */
  public InvokerSettings(
      Duration timeout, long maxBodyBytes, Map<String, String> env, Supplier<LogSink> logSinks) {
    this(timeout, maxBodyBytes, env, logSinks, 504, null);
  }

  /** Checks the values and copies the environment. */
  public InvokerSettings {
    Objects.requireNonNull(timeout, "timeout");
    if (timeout.isNegative()) {
      throw new IllegalArgumentException("timeout must not be negative: " + timeout);
    }
    if (maxBodyBytes < 0) {
      throw new IllegalArgumentException("maxBodyBytes must not be negative: " + maxBodyBytes);
    }
    env = Map.copyOf(env);
    Objects.requireNonNull(logSinks, "logSinks");
  }
}
