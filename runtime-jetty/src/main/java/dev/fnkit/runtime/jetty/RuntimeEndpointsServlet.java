package dev.fnkit.runtime.jetty;

import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.function.BooleanSupplier;

/**
 * The runtime's own endpoints under the reserved prefix {@value #PREFIX}, which never reaches the
 * function: {@code health} (liveness: the process serves HTTP) and {@code ready} (readiness: the
 * function is loaded and the server is not shutting down).
 */
final class RuntimeEndpointsServlet extends HttpServlet {
  static final String PREFIX = "/__fnkit";
  private static final long serialVersionUID = 1L;

  private final transient BooleanSupplier ready;

  RuntimeEndpointsServlet(BooleanSupplier ready) {
    this.ready = ready;
  }

  @Override
  protected void service(HttpServletRequest request, HttpServletResponse response)
      throws IOException {
    String path = request.getPathInfo() == null ? "" : request.getPathInfo();
    switch (path) {
      case "/health" -> answer(response, 200, "OK");
      case "/ready" -> {
        boolean isReady = ready.getAsBoolean();
        answer(response, isReady ? 200 : 503, isReady ? "READY" : "NOT READY");
      }
      default -> answer(response, 404, "Not found: " + PREFIX + " is reserved for the runtime.");
    }
  }

  private static void answer(HttpServletResponse response, int status, String text)
      throws IOException {
    byte[] body = text.getBytes(StandardCharsets.UTF_8);
    response.setStatus(status);
    response.setContentType("text/plain; charset=utf-8");
    response.setHeader("Cache-Control", "no-store");
    response.setContentLength(body.length);
    response.getOutputStream().write(body);
  }
}
