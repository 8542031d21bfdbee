package dev.fnkit.runtime;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Parses a raw query string into an ordered multimap. */
final class QueryString {
  private QueryString() {}

  /**
   * Splits on {@code &}, each part on its first {@code =}; a part without {@code =} has the value
   * {@code ""}; empty parts and empty names are skipped. With {@code decode}, names and values are
   * form-decoded ({@code +} is a space, {@code %XX} UTF-8 escapes); a malformed escape is kept as
   * sent.
   */
  static Map<String, List<String>> parse(String query, boolean decode) {
    if (query == null || query.isEmpty()) {
      return Map.of();
    }
    Map<String, List<String>> params = new LinkedHashMap<>();
    int start = 0;
    while (start <= query.length()) {
      int end = query.indexOf('&', start);
      if (end < 0) {
        end = query.length();
      }
      if (end > start) {
        int equals = query.indexOf('=', start);
        String name;
        String value;
        if (equals < 0 || equals > end) {
          name = query.substring(start, end);
          value = "";
        } else {
          name = query.substring(start, equals);
          value = query.substring(equals + 1, end);
        }
        if (decode) {
          name = decode(name);
          value = decode(value);
        }
        if (!name.isEmpty()) {
          params.computeIfAbsent(name, k -> new ArrayList<>(1)).add(value);
        }
      }
      start = end + 1;
    }
    params.replaceAll((name, values) -> Collections.unmodifiableList(values));
    return Collections.unmodifiableMap(params);
  }

  private static String decode(String text) {
    if (text.indexOf('%') < 0 && text.indexOf('+') < 0) {
      return text;
    }
    try {
      return URLDecoder.decode(text, StandardCharsets.UTF_8);
    } catch (IllegalArgumentException malformed) {
      return text;
    }
  }
}
