package dev.fnkit.runtime;

import dev.fnkit.sdk.Log;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Instant;

/**
 * The {@link Log} of one invocation. Entries go to the invocation's {@link LogSink} until the
 * invocation ends; after that they are discarded, so a function that keeps running past its
 * deadline cannot write into the log of a finished invocation.
 */
final class InvocationLog implements Log {
  private final Invocation invocation;
  private final LogSink sink;
  private final LogFormat format;
  private final ByteArrayOutputStream stdout = new ByteArrayOutputStream();
  private final ByteArrayOutputStream stderr = new ByteArrayOutputStream();
  private volatile boolean open = true;

  InvocationLog(Invocation invocation, LogSink sink, LogFormat format) {
    this.invocation = invocation;
    this.sink = sink;
    this.format = format;
  }

  @Override
  public void log(Object... parts) {
    if (open) {
      write(LogEntry.Severity.INFO, format.format(parts));
    }
  }

  @Override
  public void error(Object... parts) {
    if (open) {
      write(LogEntry.Severity.ERROR, format.format(parts));
    }
  }

  /**
   * Bytes the function printed to {@code System.out} ({@code error=false}) or {@code System.err}.
   */
  void console(boolean error, byte[] bytes, int offset, int length) {
    if (!open) {
      return;
    }
    ByteArrayOutputStream buffer = error ? stderr : stdout;
    synchronized (buffer) {
      for (int i = offset; i < offset + length; i++) {
        if (bytes[i] == '\n') {
          emitLine(error, buffer);
        } else {
          buffer.write(bytes[i]);
        }
      }
    }
  }

  /**
   * Stops accepting the function's entries at once; {@code true} the first time. Called under the
   * invocation's lock when it is abandoned, before its thread is interrupted, so nothing the
   * function logs after its deadline gets in.
   */
  synchronized boolean seal() {
    if (!open) {
      return false;
    }
    open = false;
    return true;
  }

  /** After {@link #seal()}: writes out partial console lines and a last entry, then closes. */
  void finishWith(LogEntry.Severity severity, String message) {
    drain(false, stdout);
    drain(true, stderr);
    write(severity, message);
    sink.close();
  }

  /** Writes out partial console lines and closes the log, unless it was sealed already. */
  void close() {
    if (seal()) {
      drain(false, stdout);
      drain(true, stderr);
      sink.close();
    }
  }

  private void drain(boolean error, ByteArrayOutputStream buffer) {
    synchronized (buffer) {
      if (buffer.size() > 0) {
        writeConsole(error, line(buffer));
      }
    }
  }

  private void emitLine(boolean error, ByteArrayOutputStream buffer) {
    String line = line(buffer);
    if (open) {
      writeConsole(error, line);
    }
  }

  private static String line(ByteArrayOutputStream buffer) {
    String line = buffer.toString(StandardCharsets.UTF_8);
    buffer.reset();
    return line.endsWith("\r") ? line.substring(0, line.length() - 1) : line;
  }

  private void writeConsole(boolean error, String line) {
    LogEntry.Severity severity = error ? LogEntry.Severity.ERROR : LogEntry.Severity.INFO;
    sink.writeConsole(new LogEntry(invocation.id(), severity, line, Instant.now()));
  }

  private void write(LogEntry.Severity severity, String message) {
    sink.write(new LogEntry(invocation.id(), severity, message, Instant.now()));
  }
}
