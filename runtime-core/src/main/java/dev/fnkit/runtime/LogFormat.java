package dev.fnkit.runtime;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.Collection;
import java.util.Map;

/** Turns the parts of a {@code log(...)} call into one line of text. */
final class LogFormat {
  private final Json json;

  LogFormat(Json json) {
    this.json = json;
  }

  String format(Object... parts) {
    if (parts == null) {
      return "null";
    }
    StringBuilder text = new StringBuilder();
    for (int i = 0; i < parts.length; i++) {
      if (i > 0) {
        text.append(' ');
      }
      text.append(part(parts[i]));
    }
    return text.toString();
  }

  private String part(Object part) {
    if (part instanceof Throwable failure) {
      return stackTrace(failure);
    }
    if (part instanceof Map
        || part instanceof Collection
        || (part != null && part.getClass().isArray())) {
      try {
        return json.write(part);
      } catch (RuntimeException notSerializable) {
        return String.valueOf(part);
      }
    }
    return String.valueOf(part);
  }

  static String stackTrace(Throwable failure) {
    StringWriter trace = new StringWriter();
    failure.printStackTrace(new PrintWriter(trace));
    String text = trace.toString();
    return text.endsWith("\n") ? text.substring(0, text.length() - 1) : text;
  }
}
