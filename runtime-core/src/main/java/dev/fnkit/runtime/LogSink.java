package dev.fnkit.runtime;

/**
 * Where a function's log entries go: stdout as JSON lines, a test's capture, an executor's files.
 * Called from the invocation's thread (or a thread the function started); must be thread-safe.
 */
@FunctionalInterface
public interface LogSink {

  void write(LogEntry entry);

  /**
   * Writes an entry captured from what the function printed to {@code System.out} ({@code INFO}) or
   * {@code System.err} ({@code ERROR}); sinks that treat such output apart override it.
   */
  default void writeConsole(LogEntry entry) {
    write(entry);
  }

  /**
   * Called once when the invocation ends, after its last entry, so a sink that holds resources per
   * invocation (open files) can release them.
   */
  default void close() {}
}
