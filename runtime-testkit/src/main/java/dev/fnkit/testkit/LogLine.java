package dev.fnkit.testkit;

/**
 * One entry a function wrote to its log during a test invocation.
 *
 * @param error {@code true} for {@code error(...)}, {@code System.err} and failures the runtime
 *     reported (unhandled exception, timeout); {@code false} for {@code log(...)} and {@code
 *     System.out}
 * @param message the text
 */
public record LogLine(boolean error, String message) {
  @Override
  public String toString() {
    return (error ? "ERROR " : "INFO  ") + message;
  }
}
