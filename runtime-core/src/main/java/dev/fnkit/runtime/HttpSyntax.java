package dev.fnkit.runtime;

/** Checks of header names and values a function sets, so nothing malformed reaches the wire. */
final class HttpSyntax {
  private HttpSyntax() {}

  static String checkHeaderName(String name) {
    if (name == null || name.isEmpty()) {
      throw new IllegalArgumentException("header name must not be empty");
    }
    for (int i = 0; i < name.length(); i++) {
      char c = name.charAt(i);
      if (c <= 0x20 || c >= 0x7f || "()<>@,;:\\\"/[]?={}".indexOf(c) >= 0) {
        throw new IllegalArgumentException("invalid header name: \"" + name + "\"");
      }
    }
    return name;
  }

  static String checkHeaderValue(String name, String value) {
    if (value == null) {
      throw new IllegalArgumentException("header " + name + ": value must not be null");
    }
    for (int i = 0; i < value.length(); i++) {
      char c = value.charAt(i);
      if (c == '\r' || c == '\n') {
        throw new IllegalArgumentException(
            "header " + name + ": value contains CR or LF (header injection); not sent");
      }
      if ((c < 0x20 && c != '\t') || c == 0x7f) {
        throw new IllegalArgumentException(
            "header " + name + ": value contains control character 0x" + Integer.toHexString(c));
      }
    }
    return value;
  }
}
