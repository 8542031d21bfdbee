package dev.fnkit.sdk;

/**
 * A function that handles one HTTP request by writing to a response.
 *
 * <p>The runtime creates one instance per process with the public no-argument constructor and calls
 * {@link #handle} for every request, concurrently. Fields are therefore shared between invocations:
 * keep them immutable or thread-safe.
 *
 * <pre>{@code
 * public final class Hello implements HttpFunction {
 *   public void handle(Request request, Response response) {
 *     response.send("Hello, " + request.queryParam("name").orElse("world") + "!");
 *   }
 * }
 * }</pre>
 */
@FunctionalInterface
public interface HttpFunction {

  /**
   * Handles one request.
   *
   * <p>Whatever the function sets on {@code response} is sent when this method returns; if it sets
   * nothing, the answer is {@code 200} with an empty body. An {@link HttpException} answers its
   * status and message. Any other exception answers {@code 500} with an empty body; its stack trace
   * goes to the function's error log, never to the client.
   *
   * <p>When the invocation's deadline passes, or the client disconnects, the calling thread is
   * interrupted and anything the function does afterwards is discarded.
   *
   * @param request the incoming request
   * @param response the response to fill in
   * @throws Exception any failure; see above for how it is answered
   */
  void handle(Request request, Response response) throws Exception;
}
