package dev.fnkit.runtime.jetty;

import dev.fnkit.runtime.Protocol;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

/**
 * Serves the function on {@code /*}: adapts each request to a {@link ServletExchange} and hands it
 * to the {@link Protocol} (plain or Open Runtimes), on the thread Jetty dispatched it on (a virtual
 * thread on Java 21+).
 */
final class FunctionServlet extends HttpServlet {
  private static final long serialVersionUID = 1L;

  private final transient Protocol protocol;

  FunctionServlet(Protocol protocol) {
    this.protocol = protocol;
  }

  @Override
  protected void service(HttpServletRequest request, HttpServletResponse response) {
    ServletExchange exchange = new ServletExchange(request, response);
    try {
      protocol.handle(exchange);
    } finally {
      exchange.finish();
    }
  }
}
