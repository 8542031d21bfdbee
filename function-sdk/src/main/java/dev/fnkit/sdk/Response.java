package dev.fnkit.sdk;

import java.io.OutputStream;

/**
 * The response to the request a function is handling.
 *
 * <p>A response is buffered: status, headers and body are collected while the function runs and
 * sent once when it returns, so the last body set wins ({@code send}, {@code json}, {@code
 * redirect} and {@code empty} each replace the previous body). The exception is {@link
 * #outputStream()}, which sends status and headers at once and streams the body.
 *
 * <pre>{@code
 * response.status(201)
 *     .header("Location", "/orders/" + id)
 *     .cookie(Cookie.of("last-order", id).withPath("/"))
 *     .json(order);
 * }</pre>
 *
 * <p>Header names and values are checked when set: a value containing CR or LF (header injection)
 * throws {@link IllegalArgumentException} and nothing is sent. The runtime computes {@code
 * Content-Length} itself.
 *
 * <p>A response is meant for the invocation's own thread; its methods are not synchronized.
 */
public interface Response {

  /**
   * Sets the status; the default is {@code 200} ({@code 204} after {@link #empty()}).
   *
   * @param status an HTTP status from 100 to 599
   * @return this response
   * @throws IllegalArgumentException if the status is out of range
   */
  Response status(int status);

  /**
   * Sets a header, replacing any values it had.
   *
   * @param name the header name, case-insensitive
   * @param value the value; must not contain CR or LF
   * @return this response
   * @throws IllegalArgumentException if the name is not an HTTP token or the value contains CR, LF
   *     or other control characters
   */
  Response header(String name, String value);

  /**
   * Adds a value to a header, keeping the values it had; each value is sent as its own header line
   * (so several {@code Set-Cookie} headers are possible).
   *
   * @param name the header name, case-insensitive
   * @param value the value; must not contain CR or LF
   * @return this response
   * @throws IllegalArgumentException if the name is not an HTTP token or the value contains CR, LF
   *     or other control characters
   */
  Response addHeader(String name, String value);

  /**
   * Adds a {@code Set-Cookie} header for {@code cookie}.
   *
   * @param cookie the cookie to set
   * @return this response
   */
  Response cookie(Cookie cookie);

  /**
   * Sets the {@code Content-Type} header. Bodies set afterwards keep it ({@link #send(String)}
   * encodes with its charset).
   *
   * @param contentType the content type, e.g. {@code text/html; charset=utf-8}
   * @return this response
   * @throws IllegalArgumentException if the value contains CR or LF
   */
  Response contentType(String contentType);

  /**
   * Sets a text body. It is encoded with the charset of the content type when one is set, else as
   * UTF-8; without a content type, {@code text/plain; charset=utf-8} is sent.
   *
   * @param body the text
   */
  void send(String body);

  /**
   * Sets a binary body; without a content type, {@code application/octet-stream} is sent.
   *
   * @param body the bytes; the array is not copied, so do not change it afterwards
   */
  void send(byte[] body);

  /**
   * Sets {@code value} as a compact JSON body with {@code application/json; charset=utf-8}.
   *
   * @param value the value to serialize: a record, a class with fields, a {@code Map}, a {@code
   *     List}, a string, a number, ... ({@code null} is sent as {@code null})
   */
  void json(Object value);

  /**
   * Answers {@code 302 Found} with a {@code Location} header and no body.
   *
   * @param url the absolute or relative URL to redirect to
   */
  void redirect(String url);

  /**
   * Answers {@code status} with a {@code Location} header and no body.
   *
   * @param url the absolute or relative URL to redirect to
   * @param status a 3xx status, e.g. 301, 303, 307 or 308
   * @throws IllegalArgumentException if {@code status} is not between 300 and 399
   */
  void redirect(String url, int status);

  /** Answers {@code 204 No Content} with no body. */
  void empty();

  /**
   * Starts streaming the body: sends the status and headers set so far at once, and returns a
   * stream to write the body to. Use it for bodies too large to buffer. After this call the status,
   * headers and body can no longer change; the stream is closed when the function returns. If the
   * invocation times out while streaming, the connection is closed without completing the body.
   *
   * @return the body stream
   */
  OutputStream outputStream();
}
