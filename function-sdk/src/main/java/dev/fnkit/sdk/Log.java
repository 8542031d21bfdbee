package dev.fnkit.sdk;

/**
 * The log of one invocation, from {@link Request#log()}.
 *
 * <p>Each call writes one entry attributed to the invocation. The parts are joined by one space; a
 * {@link java.util.Map}, {@link java.util.Collection} or array part is written as compact JSON,
 * anything else with {@link Object#toString()} ({@code null} as {@code "null"}).
 *
 * <pre>{@code
 * request.log().log("order", orderId, "accepted", Map.of("items", 3));
 * request.log().error("payment failed for", orderId);
 * }</pre>
 *
 * <p>Where entries go depends on the runtime: JSON lines on standard output in plain mode, the
 * executor's log files in Open Runtimes mode, a captured list in the testkit. Text the function
 * prints to {@code System.out} or {@code System.err} on the invocation's thread is captured as
 * {@code log} and {@code error} entries too. Calls after the invocation has timed out or been
 * cancelled are discarded. Safe to call from any thread.
 */
public interface Log {

  /**
   * Writes an informational entry.
   *
   * @param parts the values to write, joined by one space
   */
  void log(Object... parts);

  /**
   * Writes an error entry.
   *
   * @param parts the values to write, joined by one space; a {@link Throwable} part is written with
   *     its stack trace
   */
  void error(Object... parts);
}
