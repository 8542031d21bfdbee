package dev.fnkit.runtime;

import java.time.Instant;

/**
 * One entry of a function's log.
 *
 * @param invocationId the invocation that wrote it
 * @param severity {@link Severity#INFO} for {@code log(...)} and {@code System.out}, {@link
 *     Severity#ERROR} for {@code error(...)}, {@code System.err} and failures the runtime reports
 * @param message the text, without a trailing newline
 * @param time when it was written
 */
public record LogEntry(String invocationId, Severity severity, String message, Instant time) {

  /** How severe an entry is; names as Cloud Logging spells them. */
  public enum Severity {
    INFO,
    ERROR
  }
}
