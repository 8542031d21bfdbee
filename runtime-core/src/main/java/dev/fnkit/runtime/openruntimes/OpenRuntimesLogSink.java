package dev.fnkit.runtime.openruntimes;

import dev.fnkit.runtime.LogEntry;
import dev.fnkit.runtime.LogSink;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

/**
 * Appends an invocation's entries to {@code {id}_logs.log} and its errors to {@code
 * {id}_errors.log}, the files the executor reads. A file is created on its first write, so an
 * invocation that logs nothing costs no file operation. Each entry is cut to 8000 characters. If a
 * file cannot be written, logging silently stops for the invocation: the request still succeeds.
 */
final class OpenRuntimesLogSink implements LogSink {
  static final int MAX_ENTRY_CHARS = 8000;
  static final String TRUNCATED = "... Log truncated due to size limit (8000 characters)";
  static final String NATIVE_LOGS =
      "Native logs detected. Use context.log() or context.error() for better experience.";

  private final Path logs;
  private final Path errors;
  private OutputStream logsOut;
  private OutputStream errorsOut;
  private boolean broken;
  private boolean consoleAnnounced;

  OpenRuntimesLogSink(Path directory, String id) {
    this.logs = directory.resolve(id + "_logs.log");
    this.errors = directory.resolve(id + "_errors.log");
  }

  @Override
  public synchronized void write(LogEntry entry) {
    append(entry.severity() == LogEntry.Severity.ERROR, entry.message());
  }

  /** What the function printed goes to the log file, announced once per invocation. */
  @Override
  public synchronized void writeConsole(LogEntry entry) {
    if (!consoleAnnounced) {
      consoleAnnounced = true;
      append(false, NATIVE_LOGS);
    }
    append(false, entry.message());
  }

  /** Writes a runtime message to the error file (a function that could not be loaded). */
  synchronized void error(String message) {
    append(true, message);
  }

  @Override
  public synchronized void close() {
    closeQuietly(logsOut);
    closeQuietly(errorsOut);
    logsOut = null;
    errorsOut = null;
  }

  private void append(boolean error, String message) {
    if (broken) {
      return;
    }
    String text =
        message.length() > MAX_ENTRY_CHARS
            ? message.substring(0, MAX_ENTRY_CHARS) + TRUNCATED
            : message;
    try {
      OutputStream out = error ? errorsOut() : logsOut();
      out.write((text + "\n").getBytes(StandardCharsets.UTF_8));
      out.flush();
    } catch (IOException | RuntimeException unwritable) {
      broken = true; // the executor's log directory is not writable: carry on without logs
      close();
    }
  }

  private OutputStream logsOut() throws IOException {
    if (logsOut == null) {
      logsOut = open(logs);
    }
    return logsOut;
  }

  private OutputStream errorsOut() throws IOException {
    if (errorsOut == null) {
      errorsOut = open(errors);
    }
    return errorsOut;
  }

  private static OutputStream open(Path file) throws IOException {
    return Files.newOutputStream(
        file, StandardOpenOption.CREATE, StandardOpenOption.APPEND, StandardOpenOption.WRITE);
  }

  private static void closeQuietly(OutputStream out) {
    if (out != null) {
      try {
        out.close();
      } catch (IOException ignored) {
        // Nothing more to do with a log file that will not close.
      }
    }
  }
}
