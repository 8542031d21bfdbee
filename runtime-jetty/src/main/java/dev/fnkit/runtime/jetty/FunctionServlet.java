package dev.fnkit.runtime.jetty;

import dev.fnkit.runtime.Invoker;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

/**
 * Serves the function on {@code /*}: adapts each request to an {@link ServletExchange} and hands it
 * to the {@link Invoker}, on the thread Jetty dispatched it on (a virtual thread on Java 21+).
 */
final class FunctionServlet extends HttpServlet {
  private static final long serialVersionUID = 1L;

  private final transient Invoker invoker;

  FunctionServlet(Invoker invoker) {
    this.invoker = invoker;
  }

  @Override
  protected void service(HttpServletRequest request, HttpServletResponse response) {
    ServletExchange exchange = new ServletExchange(request, response);
    try {
      invoker.invoke(exchange);
    } finally {
      exchange.finish();
    }
  }
}
