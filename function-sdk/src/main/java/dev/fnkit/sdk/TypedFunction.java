package dev.fnkit.sdk;

/**
 * A function whose input is bound from the JSON request body and whose output is written as JSON.
 *
 * <pre>{@code
 * public final class Greet implements TypedFunction<Greet.In, Greet.Out> {
 *   public record In(String name) {}
 *   public record Out(String greeting) {}
 *
 *   public Out apply(In input, Request request) {
 *     return new Out("Hello, " + input.name() + "!");
 *   }
 * }
 * }</pre>
 *
 * <p>The input type is read from the class's {@code implements TypedFunction<I, O>} clause when the
 * function is loaded. The answers are:
 *
 * <ul>
 *   <li>{@code 200} with {@code application/json; charset=utf-8} and the output as compact JSON;
 *   <li>{@code 204} with no body when the output is {@code null};
 *   <li>{@code 400} with a plain-text message saying why, when the body is empty or is not JSON of
 *       the input type;
 *   <li>the status of an {@link HttpException} thrown by {@link #apply}; {@code 500} for any other
 *       exception.
 * </ul>
 *
 * <p>As with {@link HttpFunction}, one instance serves all invocations concurrently.
 *
 * @param <I> the input type, bound from the JSON body
 * @param <O> the output type, written as JSON
 */
@FunctionalInterface
public interface TypedFunction<I, O> {

  /**
   * Computes the output for one request.
   *
   * @param input the request body bound to {@code I}; never {@code null}
   * @param request the request, for headers, query parameters, the log and the deadline
   * @return the output to send as JSON, or {@code null} to answer {@code 204 No Content}
   * @throws Exception any failure; an {@link HttpException} chooses the status
   */
  O apply(I input, Request request) throws Exception;
}
