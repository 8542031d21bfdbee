package dev.fnkit.runtime;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Parses {@code Cookie} request headers. */
final class CookieHeader {
  private CookieHeader() {}

  /**
   * {@code a=1; b=x=y:z} gives {@code a -> 1, b -> x=y:z}: pairs split on {@code ;}, each on its
   * first {@code =}, names and values trimmed; the first occurrence of a name wins.
   */
  static Map<String, String> parse(List<String> headers) {
    if (headers.isEmpty()) {
      return Map.of();
    }
    Map<String, String> cookies = new LinkedHashMap<>();
    for (String header : headers) {
      for (String pair : header.split(";")) {
        int equals = pair.indexOf('=');
        if (equals <= 0) {
          continue;
        }
        String name = pair.substring(0, equals).trim();
        if (!name.isEmpty()) {
          cookies.putIfAbsent(name, pair.substring(equals + 1).trim());
        }
      }
    }
    return Collections.unmodifiableMap(cookies);
  }
}
