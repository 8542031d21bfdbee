package dev.fnkit.testkit;

import dev.fnkit.sdk.Cookie;
import java.lang.reflect.Type;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * What a function answered to one {@link TestRequest}, with the log entries it wrote: an immutable
 * value to assert on.
 *
 * <pre>{@code
 * TestResponse response = tester.call(TestRequest.get("/?name=Ada"));
 * assertEquals(200, response.status());
 * assertEquals("text/plain; charset=utf-8", response.header("Content-Type").orElseThrow());
 * assertEquals(List.of("greeted Ada"), response.logMessages());
 * }</pre>
 */
public final class TestResponse {
  private final int status;
  private final Map<String, List<String>> headers;
  private final byte[] body;
  private final boolean truncated;
  private final List<LogLine> logs;

  TestResponse(
      int status,
      Map<String, List<String>> headers,
      byte[] body,
      boolean truncated,
      List<LogLine> logs) {
    this.status = status;
    TreeMap<String, List<String>> copy = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
    headers.forEach((name, values) -> copy.put(name, List.copyOf(values)));
    this.headers = Collections.unmodifiableMap(copy);
    this.body = body;
    this.truncated = truncated;
    this.logs = List.copyOf(logs);
  }

  /** The status, e.g. 200; 504 when the invocation timed out. */
  public int status() {
    return status;
  }

  /** All headers, with case-insensitive names. */
  public Map<String, List<String>> headers() {
    return headers;
  }

  /** The first value of a header, by case-insensitive name. */
  public Optional<String> header(String name) {
    List<String> values = headers.get(name);
    return values == null ? Optional.empty() : Optional.of(values.get(0));
  }

  /** All values of a header, e.g. every {@code Set-Cookie}; empty when absent. */
  public List<String> headers(String name) {
    return headers.getOrDefault(name, List.of());
  }

  /** The cookies set by {@code Set-Cookie} headers, parsed, in order. */
  public List<Cookie> cookies() {
    List<Cookie> cookies = new ArrayList<>();
    for (String header : headers("Set-Cookie")) {
      cookies.add(SetCookie.parse(header));
    }
    return cookies;
  }

  /** The cookie set under {@code name}, if any. */
  public Optional<Cookie> cookie(String name) {
    return cookies().stream().filter(cookie -> cookie.name().equals(name)).findFirst();
  }

  /** The body; a copy. Empty for {@code HEAD} requests, as over HTTP. */
  public byte[] bodyBytes() {
    return body.clone();
  }

  /** The body decoded with the charset of its content type, or UTF-8. */
  public String bodyText() {
    return new String(body, FunctionTester.charsetOf(header("Content-Type").orElse("")));
  }

  /**
   * The body parsed as JSON, the way {@code Request.bodyAs} parses.
   *
   * @throws IllegalArgumentException if the body is not JSON of that type
   */
  public <T> T bodyAs(Class<T> type) {
    return bodyAs((Type) type);
  }

  /** The body parsed as JSON into a generic type. */
  public <T> T bodyAs(Type type) {
    return FunctionTester.JSON.read(body, StandardCharsets.UTF_8, type);
  }

  /** Whether a streamed body was cut short (timeout or failure while streaming). */
  public boolean truncated() {
    return truncated;
  }

  /** Everything the function logged, in order. */
  public List<LogLine> logs() {
    return logs;
  }

  /** The messages of the informational entries ({@code log(...)}, {@code System.out}). */
  public List<String> logMessages() {
    return logs.stream().filter(line -> !line.error()).map(LogLine::message).toList();
  }

  /**
   * The messages of the error entries ({@code error(...)}, {@code System.err}, and the runtime's
   * reports of unhandled exceptions and timeouts).
   */
  public List<String> errorMessages() {
    return logs.stream().filter(LogLine::error).map(LogLine::message).toList();
  }

  @Override
  public String toString() {
    StringBuilder text = new StringBuilder().append(status).append('\n');
    headers.forEach(
        (name, values) ->
            values.forEach(v -> text.append(name).append(": ").append(v).append('\n')));
    text.append('\n').append(new String(body, StandardCharsets.UTF_8));
    return text.toString();
  }
}
