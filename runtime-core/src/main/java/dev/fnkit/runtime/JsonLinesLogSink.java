package dev.fnkit.runtime;

import java.io.PrintStream;
import java.time.format.DateTimeFormatter;

/**
 * Writes each entry as one JSON object per line, the structured-log form Cloud Run, Knative and
 * Kubernetes collectors parse: {@code
 * {"severity":"INFO","message":"...","invocationId":"...","time":"2026-01-01T00:00:00.123Z"}}.
 */
public final class JsonLinesLogSink implements LogSink {
  private final PrintStream out;

  /** Writes to {@code out}, normally the process's real standard output. */
  public JsonLinesLogSink(PrintStream out) {
    this.out = out;
  }

  @Override
  public void write(LogEntry entry) {
    StringBuilder line = new StringBuilder(64 + entry.message().length());
    line.append("{\"severity\":\"").append(entry.severity().name()).append("\",\"message\":");
    quote(entry.message(), line);
    line.append(",\"invocationId\":");
    quote(entry.invocationId(), line);
    line.append(",\"time\":\"");
    DateTimeFormatter.ISO_INSTANT.formatTo(entry.time(), line);
    line.append("\"}\n");
    // One print call per line: PrintStream locks per call, so concurrent lines never interleave.
    out.print(line);
    out.flush();
  }

  static void quote(String text, StringBuilder json) {
    json.append('"');
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      switch (c) {
        case '"' -> json.append("\\\"");
        case '\\' -> json.append("\\\\");
        case '\n' -> json.append("\\n");
        case '\r' -> json.append("\\r");
        case '\t' -> json.append("\\t");
        default -> {
          if (c < 0x20 || c == 0x2028 || c == 0x2029) {
            json.append(String.format("\\u%04x", (int) c));
          } else {
            json.append(c);
          }
        }
      }
    }
    json.append('"');
  }
}
