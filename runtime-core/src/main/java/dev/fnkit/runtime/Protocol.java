package dev.fnkit.runtime;

/**
 * How a server's requests reach the {@link Invoker}: plain HTTP hands each one straight over; the
 * Open Runtimes protocol first answers its own routes, checks the secret and the timeout header,
 * and wraps the exchange in its view of headers, logs and answers. Thread-safe.
 */
@FunctionalInterface
public interface Protocol {

  /** Handles one request to its end; never throws. */
  void handle(Exchange exchange);
}
