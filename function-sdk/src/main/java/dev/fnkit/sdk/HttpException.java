package dev.fnkit.sdk;

/**
 * Thrown by a function to answer an error status on purpose.
 *
 * <p>The client receives {@link #status()} with {@link #getMessage()} as a {@code text/plain;
 * charset=utf-8} body; nothing else about the exception (class name, stack trace) is sent. Whatever
 * the function had set on the response before throwing is discarded.
 *
 * <pre>{@code
 * String id = request.queryParam("id")
 *     .orElseThrow(() -> new HttpException(400, "query parameter 'id' is required"));
 * }</pre>
 */
public class HttpException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  /** The HTTP status to answer. */
  private final int status;

  /**
   * Creates an exception that answers {@code status} with {@code message} as the body.
   *
   * @param status an HTTP status from 400 to 599
   * @param message the body sent to the client; {@code null} or empty sends no body
   * @throws IllegalArgumentException if {@code status} is not between 400 and 599
   */
  public HttpException(int status, String message) {
    this(status, message, null);
  }

  /**
   * Creates an exception that answers {@code status} with {@code message}, keeping {@code cause}
   * for the function's error log.
   *
   * @param status an HTTP status from 400 to 599
   * @param message the body sent to the client; {@code null} or empty sends no body
   * @param cause the underlying failure; logged, never sent
   * @throws IllegalArgumentException if {@code status} is not between 400 and 599
   */
  public HttpException(int status, String message, Throwable cause) {
    super(message, cause);
    if (status < 400 || status > 599) {
      throw new IllegalArgumentException(
          "HttpException status must be between 400 and 599, was " + status);
    }
    this.status = status;
  }

  /**
   * The status the client receives.
   *
   * @return an HTTP status from 400 to 599
   */
  public int status() {
    return status;
  }
}
