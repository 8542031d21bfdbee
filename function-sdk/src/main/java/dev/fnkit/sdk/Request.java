package dev.fnkit.sdk;

import java.io.InputStream;
import java.lang.reflect.Type;
import java.nio.charset.Charset;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The HTTP request a function is invoked with.
 *
 * <p>A request is created by the runtime for one invocation and is read-only. Header names are
 * case-insensitive; headers and query parameters may have several values, and the singular
 * accessors ({@link #header(String)}, {@link #queryParam(String)}) return the first one.
 *
 * <pre>{@code
 * String name = request.queryParam("name").orElse("world");
 * Order order = request.bodyAs(Order.class);
 * request.log().log("got order", order.id(), "from", request.header("user-agent").orElse("?"));
 * }</pre>
 */
public interface Request {

  /**
   * The HTTP method, upper-case as sent: {@code GET}, {@code POST}, {@code HEAD}, ...
   *
   * @return the method
   */
  String method();

  /**
   * The URL path, percent-decoded, always starting with {@code /}; the whole path the client sent
   * (the function is served on every path).
   *
   * @return the path, e.g. {@code /orders/42}
   */
  String path();

  /**
   * The full URL the client asked for: {@code scheme://host}, {@code :port} when it is not the
   * scheme's default, the path as sent, and {@code ?query} when there is one.
   *
   * @return the URL, e.g. {@code https://api.example.com/orders?limit=5}
   */
  String url();

  /**
   * The scheme the client used: the {@code X-Forwarded-Proto} header when a proxy sent it, else the
   * scheme of the connection.
   *
   * @return {@code http} or {@code https}
   */
  String scheme();

  /**
   * The host name from the {@code Host} header, without the port.
   *
   * @return the host, e.g. {@code api.example.com}
   */
  String host();

  /**
   * The port from the {@code Host} header, or the scheme's default (80 or 443) when it names none.
   *
   * @return the port
   */
  int port();

  /**
   * The raw query string, without the {@code ?}, not decoded.
   *
   * @return the query string, or an empty string when the URL has none
   */
  String queryString();

  /**
   * All query parameters, decoded, in the order they appear. A parameter without {@code =} has the
   * value {@code ""}.
   *
   * @return an unmodifiable map from name to its values (never empty lists)
   */
  Map<String, List<String>> queryParams();

  /**
   * The first value of a query parameter.
   *
   * @param name the parameter name, case-sensitive
   * @return the first value, or {@link Optional#empty()} when the parameter is absent
   */
  Optional<String> queryParam(String name);

  /**
   * All values of a query parameter.
   *
   * @param name the parameter name, case-sensitive
   * @return the values in order; an empty list when the parameter is absent
   */
  List<String> queryParams(String name);

  /**
   * All request headers.
   *
   * @return an unmodifiable map with case-insensitive keys, from name to its values
   */
  Map<String, List<String>> headers();

  /**
   * The first value of a header.
   *
   * @param name the header name, case-insensitive
   * @return the first value, or {@link Optional#empty()} when the header is absent
   */
  Optional<String> header(String name);

  /**
   * All values of a header, in the order they were sent.
   *
   * @param name the header name, case-insensitive
   * @return the values; an empty list when the header is absent
   */
  List<String> headers(String name);

  /**
   * The cookies from the {@code Cookie} header(s). Values are passed through as sent (a value may
   * contain {@code =} or {@code :}); surrounding double quotes are kept.
   *
   * @return an unmodifiable map from cookie name to value; when a name repeats, the first wins
   */
  Map<String, String> cookies();

  /**
   * The value of one cookie.
   *
   * @param name the cookie name, case-sensitive
   * @return the value, or {@link Optional#empty()} when no such cookie was sent
   */
  Optional<String> cookie(String name);

  /**
   * The {@code Content-Type} header as sent.
   *
   * @return the content type, e.g. {@code application/json; charset=utf-8}, or {@link
   *     Optional#empty()} when none was sent
   */
  Optional<String> contentType();

  /**
   * The charset named by the {@code Content-Type} header.
   *
   * @return the charset, or {@link Optional#empty()} when none (or an unknown one) is named
   */
  Optional<Charset> charset();

  /**
   * The whole body as bytes. Reads the body on first use and keeps it, so later calls (and {@link
   * #bodyText()}) return the same content.
   *
   * @return the body; an empty array when there is none
   * @throws HttpException with status 413 if the body is larger than the runtime's limit
   * @throws java.io.UncheckedIOException if the client's connection fails while reading
   */
  byte[] bodyBytes();

  /**
   * The whole body as text, decoded with the charset of the {@code Content-Type} header, or UTF-8
   * when it names none (never the platform default). Malformed input is replaced with {@code
   * U+FFFD}.
   *
   * @return the body text; an empty string when there is none
   * @throws HttpException with status 413 if the body is larger than the runtime's limit
   */
  String bodyText();

  /**
   * The body as a stream, for large bodies the function does not want in memory. Reading past the
   * runtime's body limit throws an {@link java.io.IOException}; the invocation then answers 413.
   * Once the stream has been read, {@link #bodyBytes()} cannot return the part already consumed.
   *
   * @return the body stream; empty when there is no body
   */
  InputStream bodyStream();

  /**
   * The body parsed as JSON and bound to a class.
   *
   * <pre>{@code
   * record Order(String id, int quantity) {}
   * Order order = request.bodyAs(Order.class);
   * }</pre>
   *
   * @param type the class to bind to (records, classes with fields, {@code Map}, {@code List}, ...)
   * @param <T> the bound type
   * @return the bound value
   * @throws IllegalArgumentException if the body is empty or is not JSON of that type; the message
   *     says why and mentions JSON. Uncaught, it answers 500: catch it (or use {@link
   *     TypedFunction}) to answer 400.
   */
  <T> T bodyAs(Class<T> type);

  /**
   * The body parsed as JSON and bound to a generic type, such as {@code List<Order>}.
   *
   * <pre>{@code
   * Type listOfOrders = new ParameterizedType() { ... }; // or any library's type token
   * List<Order> orders = request.bodyAs(listOfOrders);
   * }</pre>
   *
   * @param type the type to bind to
   * @param <T> the bound type
   * @return the bound value
   * @throws IllegalArgumentException if the body is empty or is not JSON of that type
   */
  <T> T bodyAs(Type type);

  /**
   * The function's configuration: the environment variables of the runtime process (or those given
   * to the testkit).
   *
   * @return an unmodifiable map of variable names to values
   */
  Map<String, String> env();

  /**
   * One configuration variable.
   *
   * @param name the variable name, case-sensitive
   * @return the value, or {@link Optional#empty()} when it is not set
   */
  Optional<String> env(String name);

  /**
   * An identifier of this invocation, unique within the process, that also labels its log entries.
   *
   * @return the invocation id
   */
  String invocationId();

  /**
   * When the invocation times out: after this instant the function's thread is interrupted and the
   * client is answered without waiting for it.
   *
   * @return the deadline, or {@link Optional#empty()} when the runtime has no timeout
   */
  Optional<Instant> deadline();

  /**
   * The log of this invocation.
   *
   * @return the log; never {@code null}
   */
  Log log();
}
