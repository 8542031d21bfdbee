package dev.fnkit.runtime.jetty;

import dev.fnkit.runtime.Exchange;
import dev.fnkit.runtime.Headers;
import jakarta.servlet.ServletOutputStream;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.util.Collections;
import java.util.Enumeration;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;
import org.eclipse.jetty.ee10.servlet.ServletContextRequest;
import org.eclipse.jetty.http.HttpFields;
import org.eclipse.jetty.io.EndPoint;
import org.eclipse.jetty.server.Response;

/**
 * One servlet request/response as an {@link Exchange}. The watchdog may answer it from its own
 * thread while the function's thread is still inside {@code service}: writing and closing the
 * output completes the answer on the wire at once, and the invoker keeps the function's thread from
 * returning to Jetty until that answer is written.
 */
final class ServletExchange implements Exchange {
  private final HttpServletRequest request;
  private final HttpServletResponse response;
  private final AtomicBoolean completed = new AtomicBoolean();
  private volatile boolean bodyRead;
  private volatile WatchedEndPoint watched;

  ServletExchange(HttpServletRequest request, HttpServletResponse response) {
    this.request = request;
    this.response = response;
  }

  @Override
  public String method() {
    return request.getMethod();
  }

  @Override
  public String rawPath() {
    return request.getRequestURI();
  }

  @Override
  public String path() {
    String path = request.getPathInfo();
    return path == null ? "/" : path;
  }

  @Override
  public String rawQuery() {
    String query = request.getQueryString();
    return query == null ? "" : query;
  }

  @Override
  public String connectionScheme() {
    return request.getScheme();
  }

  @Override
  public int localPort() {
    return request.getLocalPort();
  }

  @Override
  public String header(String name) {
    return request.getHeader(name);
  }

  @Override
  public List<String> headers(String name) {
    Enumeration<String> values = request.getHeaders(name);
    return values == null || !values.hasMoreElements() ? List.of() : Collections.list(values);
  }

  @Override
  public Headers headers() {
    Headers headers = new Headers();
    for (Enumeration<String> names = request.getHeaderNames(); names.hasMoreElements(); ) {
      String name = names.nextElement();
      for (Enumeration<String> values = request.getHeaders(name); values.hasMoreElements(); ) {
        headers.add(name, values.nextElement());
      }
    }
    return headers;
  }

  @Override
  public long contentLength() {
    return request.getContentLengthLong();
  }

  @Override
  public InputStream body() throws IOException {
    InputStream in = request.getInputStream();
    return new FilterInputStream(in) {
      @Override
      public int read() throws IOException {
        return atEnd(super.read());
      }

      @Override
      public int read(byte[] buffer, int offset, int length) throws IOException {
        return atEnd(super.read(buffer, offset, length));
      }

      private int atEnd(int n) {
        if (n < 0) {
          bodyRead = true;
        }
        return n;
      }
    };
  }

  @Override
  public void watchClient(Runnable onGone) {
    // Watching reads from the socket, which is only safe once the body has been read in full.
    if ((bodyRead || hasNoBody()) && endPoint() instanceof WatchedEndPoint endPoint) {
      watched = endPoint;
      endPoint.watch(onGone);
      if (completed.get()) {
        endPoint.unwatch(); // the answer completed meanwhile
      }
    }
  }

  @Override
  public void respond(int status, Headers headers, byte[] body) throws IOException {
    try {
      writeHead(status, headers);
      response.setContentLength(body.length);
      ServletOutputStream out = response.getOutputStream();
      if (body.length > 0 && !"HEAD".equals(request.getMethod())) {
        out.write(body);
      }
      out.close();
    } finally {
      finish();
    }
  }

  @Override
  public OutputStream stream(int status, Headers headers) throws IOException {
    writeHead(status, headers);
    ServletOutputStream out = response.getOutputStream();
    out.flush();
    return new OutputStream() {
      @Override
      public void write(int b) throws IOException {
        out.write(b);
      }

      @Override
      public void write(byte[] bytes, int offset, int length) throws IOException {
        out.write(bytes, offset, length);
      }

      @Override
      public void flush() throws IOException {
        out.flush();
      }

      @Override
      public void close() throws IOException {
        try {
          out.close();
        } finally {
          finish();
        }
      }
    };
  }

  @Override
  public void abort() {
    ServletContextRequest.getServletContextRequest(request)
        .getServletChannel()
        .abort(new IOException("fnkit: response abandoned (timeout or failure while streaming)"));
    finish();
  }

  private boolean hasNoBody() {
    long length = request.getContentLengthLong();
    return length == 0 || (length < 0 && request.getHeader("Transfer-Encoding") == null);
  }

  /** Stops watching the client once the answer is complete (or abandoned). */
  void finish() {
    // Only an exchange that was watched pays for unwatching; most never are. Completed first,
    // then read: watchClient sets the field before it checks completed, so one of them unwatches.
    if (completed.compareAndSet(false, true)) {
      WatchedEndPoint endPoint = watched;
      if (endPoint != null) {
        endPoint.unwatch();
      }
    }
  }

  private EndPoint endPoint() {
    return ServletContextRequest.getServletContextRequest(request)
        .getConnectionMetaData()
        .getConnection()
        .getEndPoint();
  }

  /**
   * Sets status and headers. Headers go straight to Jetty's core response, so they are sent exactly
   * as the function wrote them (the servlet layer would rewrite {@code Content-Type}).
   */
  private void writeHead(int status, Headers headers) {
    response.setStatus(status);
    HttpFields.Mutable fields =
        Response.getOriginalResponse(
                ServletContextRequest.getServletContextRequest(request).getServletContextResponse())
            .getHeaders();
    headers.forEach(
        (name, value) -> {
          if (!"Content-Length".equalsIgnoreCase(name)
              && !"Transfer-Encoding".equalsIgnoreCase(name)) {
            fields.add(name, value);
          }
        });
  }
}
