package dev.fnkit.testkit;

import dev.fnkit.sdk.Cookie;
import java.time.Duration;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.Locale;

/** Parses {@code Set-Cookie} header values back into {@link Cookie}s. */
final class SetCookie {
  private SetCookie() {}

  static Cookie parse(String header) {
    String[] parts = header.split(";");
    String pair = parts[0];
    int equals = pair.indexOf('=');
    if (equals <= 0) {
      throw new IllegalArgumentException("not a Set-Cookie value: " + header);
    }
    Cookie cookie = Cookie.of(pair.substring(0, equals).trim(), pair.substring(equals + 1).trim());
    for (int i = 1; i < parts.length; i++) {
      String attribute = parts[i].trim();
      int eq = attribute.indexOf('=');
      String name =
          (eq < 0 ? attribute : attribute.substring(0, eq)).trim().toLowerCase(Locale.ROOT);
      String value = eq < 0 ? "" : attribute.substring(eq + 1).trim();
      cookie =
          switch (name) {
            case "path" -> cookie.withPath(value);
            case "domain" -> cookie.withDomain(value);
            case "max-age" -> cookie.withMaxAge(Duration.ofSeconds(Long.parseLong(value)));
            case "expires" -> cookie.withExpires(expires(value));
            case "secure" -> cookie.withSecure(true);
            case "httponly" -> cookie.withHttpOnly(true);
            case "samesite" ->
                cookie.withSameSite(Cookie.SameSite.valueOf(value.toUpperCase(Locale.ROOT)));
            default -> cookie;
          };
    }
    return cookie;
  }

  private static java.time.Instant expires(String value) {
    try {
      return ZonedDateTime.parse(value, DateTimeFormatter.RFC_1123_DATE_TIME).toInstant();
    } catch (DateTimeParseException e) {
      throw new IllegalArgumentException("invalid Expires attribute: " + value, e);
    }
  }
}
