package dev.fnkit.runtime;

import java.nio.charset.Charset;
import java.nio.charset.IllegalCharsetNameException;
import java.nio.charset.UnsupportedCharsetException;
import java.util.Locale;
import java.util.Optional;

/** Reading parameters of {@code Content-Type} values. */
public final class ContentTypes {
  private ContentTypes() {}

  /**
   * The charset named by a content type, e.g. {@code text/plain; charset="ISO-8859-1"}.
   *
   * @return the charset, or empty when none or an unknown one is named
   */
  public static Optional<Charset> charsetOf(String contentType) {
    int at = contentType.toLowerCase(Locale.ROOT).indexOf("charset=");
    if (at < 0) {
      return Optional.empty();
    }
    String name = contentType.substring(at + "charset=".length());
    int semicolon = name.indexOf(';');
    if (semicolon >= 0) {
      name = name.substring(0, semicolon);
    }
    name = name.trim();
    if (name.length() >= 2 && name.startsWith("\"") && name.endsWith("\"")) {
      name = name.substring(1, name.length() - 1);
    }
    try {
      return Optional.of(Charset.forName(name));
    } catch (IllegalCharsetNameException | UnsupportedCharsetException unknown) {
      return Optional.empty();
    }
  }
}
