package dev.fnkit.testkit;

import java.net.URI;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * An immutable description of a request to send to a function in memory. Every {@code with}-style
 * method returns a new request, so a base request can be shared between tests.
 *
 * <pre>{@code
 * TestRequest request = TestRequest.post("/orders?dryRun=true")
 *     .header("Authorization", "Bearer test")
 *     .cookie("session", "abc")
 *     .json(Map.of("item", "book", "quantity", 2));
 * }</pre>
 *
 * <p>The target is a path with an optional query ({@code /orders?id=7}), or an absolute URL ({@code
 * https://api.example.com/orders}) to set the scheme and host the function sees. Without one,
 * requests come from {@code http://localhost}.
 */
public final class TestRequest {
  private final String method;
  private final String target;
  private final List<Map.Entry<String, String>> headers;
  private final byte[] body;
  private final Map<String, String> env;
  private final Duration timeout;

  private TestRequest(
      String method,
      String target,
      List<Map.Entry<String, String>> headers,
      byte[] body,
      Map<String, String> env,
      Duration timeout) {
    this.method = method;
    this.target = target;
    this.headers = List.copyOf(headers);
    this.body = body;
    this.env = Map.copyOf(env);
    this.timeout = timeout;
  }

  /**
   * A request with any method.
   *
   * @param method the HTTP method, e.g. {@code PATCH}
   * @param target a path with optional query, or an absolute http(s) URL
   * @return the request, with no headers and no body
   * @throws IllegalArgumentException if the target is not a path or an http(s) URL
   */
  public static TestRequest of(String method, String target) {
    Objects.requireNonNull(method, "method");
    Objects.requireNonNull(target, "target");
    checkTarget(target);
    return new TestRequest(method, target, List.of(), new byte[0], Map.of(), null);
  }

  /** A {@code GET} request; see {@link #of}. */
  public static TestRequest get(String target) {
    return of("GET", target);
  }

  /** A {@code POST} request; see {@link #of}. */
  public static TestRequest post(String target) {
    return of("POST", target);
  }

  /** A {@code PUT} request; see {@link #of}. */
  public static TestRequest put(String target) {
    return of("PUT", target);
  }

  /** A {@code DELETE} request; see {@link #of}. */
  public static TestRequest delete(String target) {
    return of("DELETE", target);
  }

  /**
   * This request with one more header value (several values for one name are all sent).
   *
   * @param name the header name
   * @param value the value
   * @return a new request
   */
  public TestRequest header(String name, String value) {
    List<Map.Entry<String, String>> next = new ArrayList<>(headers);
    next.add(Map.entry(name, value));
    return new TestRequest(method, target, next, body, env, timeout);
  }

  /**
   * This request with a cookie, added to its {@code Cookie} header.
   *
   * @param name the cookie name
   * @param value the cookie value, as it would be sent
   * @return a new request
   */
  public TestRequest cookie(String name, String value) {
    List<Map.Entry<String, String>> next = new ArrayList<>();
    String cookies = null;
    for (Map.Entry<String, String> header : headers) {
      if (header.getKey().equalsIgnoreCase("Cookie") && cookies == null) {
        cookies = header.getValue();
      } else {
        next.add(header);
      }
    }
    String pair = name + "=" + value;
    next.add(Map.entry("Cookie", cookies == null ? pair : cookies + "; " + pair));
    return new TestRequest(method, target, next, body, env, timeout);
  }

  /**
   * This request with a {@code Content-Type} header, replacing any other.
   *
   * @param contentType the content type
   * @return a new request
   */
  public TestRequest contentType(String contentType) {
    List<Map.Entry<String, String>> next = new ArrayList<>();
    for (Map.Entry<String, String> header : headers) {
      if (!header.getKey().equalsIgnoreCase("Content-Type")) {
        next.add(header);
      }
    }
    next.add(Map.entry("Content-Type", contentType));
    return new TestRequest(method, target, next, body, env, timeout);
  }

  /**
   * This request with a text body encoded as UTF-8, and {@code text/plain; charset=utf-8} unless a
   * content type is set.
   *
   * @param text the body
   * @return a new request
   */
  public TestRequest body(String text) {
    return body(text, StandardCharsets.UTF_8);
  }

  /**
   * This request with a text body in another charset, and a {@code text/plain} content type naming
   * it unless a content type is set.
   *
   * @param text the body
   * @param charset how to encode it
   * @return a new request
   */
  public TestRequest body(String text, Charset charset) {
    TestRequest withBody = withBody(text.getBytes(charset));
    return hasHeader("Content-Type")
        ? withBody
        : withBody.contentType(
            "text/plain; charset=" + charset.name().toLowerCase(java.util.Locale.ROOT));
  }

  /**
   * This request with a binary body; the content type is left as set.
   *
   * @param bytes the body; copied
   * @return a new request
   */
  public TestRequest body(byte[] bytes) {
    return withBody(bytes.clone());
  }

  /**
   * This request with {@code value} as a JSON body and {@code application/json}.
   *
   * @param value a record, a map, a list, ... serialized the way the runtime serializes responses
   * @return a new request
   */
  public TestRequest json(Object value) {
    return jsonText(FunctionTester.JSON.write(value));
  }

  /**
   * This request with a JSON body given as text (valid or not), and {@code application/json}.
   *
   * @param json the JSON text
   * @return a new request
   */
  public TestRequest jsonText(String json) {
    return withBody(json.getBytes(StandardCharsets.UTF_8))
        .contentType("application/json; charset=utf-8");
  }

  /**
   * This request with one more environment variable for the function, over the tester's.
   *
   * @param name the variable
   * @param value its value
   * @return a new request
   */
  public TestRequest env(String name, String value) {
    Map<String, String> next = new LinkedHashMap<>(env);
    next.put(name, value);
    return new TestRequest(method, target, headers, body, next, timeout);
  }

  /**
   * This request with its own deadline instead of the tester's.
   *
   * @param timeout the deadline; {@link Duration#ZERO} for none
   * @return a new request
   */
  public TestRequest timeout(Duration timeout) {
    return new TestRequest(method, target, headers, body, env, Objects.requireNonNull(timeout));
  }

  /** The method. */
  public String method() {
    return method;
  }

  /** The target as given: a path with query, or an absolute URL. */
  public String target() {
    return target;
  }

  /** The headers in the order added. */
  public List<Map.Entry<String, String>> headers() {
    return headers;
  }

  /** The body; a copy. */
  public byte[] body() {
    return body.clone();
  }

  byte[] bodyBytes() {
    return body;
  }

  /** The environment variables this request adds. */
  public Map<String, String> env() {
    return env;
  }

  /** The deadline of this request, or {@code null} to use the tester's. */
  public Duration timeout() {
    return timeout;
  }

  @Override
  public String toString() {
    return method + " " + target;
  }

  private TestRequest withBody(byte[] bytes) {
    return new TestRequest(method, target, headers, bytes, env, timeout);
  }

  private boolean hasHeader(String name) {
    return headers.stream().anyMatch(header -> header.getKey().equalsIgnoreCase(name));
  }

  private static void checkTarget(String target) {
    if (target.startsWith("/")) {
      return;
    }
    try {
      URI uri = URI.create(target);
      if (("http".equals(uri.getScheme()) || "https".equals(uri.getScheme()))
          && uri.getHost() != null) {
        return;
      }
    } catch (IllegalArgumentException malformed) {
      // reported below
    }
    throw new IllegalArgumentException(
        "request target must be a path starting with / or an http(s) URL, was: " + target);
  }
}
