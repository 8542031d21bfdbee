package dev.fnkit.testkit;

import dev.fnkit.runtime.Exchange;
import dev.fnkit.runtime.Headers;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;

/** A {@link TestRequest} as an {@link Exchange}; the answer completes {@link #answer()}. */
final class MemoryExchange implements Exchange {
  record Answer(int status, Headers headers, byte[] body, boolean aborted) {}

  private final TestRequest request;
  private final Headers headers = new Headers();
  private final String rawPath;
  private final String rawQuery;
  private final String scheme;
  private final CompletableFuture<Answer> answer = new CompletableFuture<>();
  private int streamStatus;
  private Headers streamHeaders;
  private ByteArrayOutputStream streamed;

  MemoryExchange(TestRequest request) {
    this.request = request;
    String target = request.target();
    String hostHeader = "localhost";
    String connectionScheme = "http";
    if (!target.startsWith("/")) {
      URI uri = URI.create(target);
      connectionScheme = uri.getScheme();
      hostHeader = uri.getRawAuthority();
      target = uri.getRawPath() == null || uri.getRawPath().isEmpty() ? "/" : uri.getRawPath();
      target = uri.getRawQuery() == null ? target : target + "?" + uri.getRawQuery();
    }
    int question = target.indexOf('?');
    this.rawPath = question < 0 ? target : target.substring(0, question);
    this.rawQuery = question < 0 ? "" : target.substring(question + 1);
    this.scheme = connectionScheme;
    boolean hasHost = false;
    for (Map.Entry<String, String> header : request.headers()) {
      headers.add(header.getKey(), header.getValue());
      hasHost |= header.getKey().equalsIgnoreCase("Host");
    }
    if (!hasHost) {
      headers.add("Host", hostHeader);
    }
    if (request.bodyBytes().length > 0 && !headers.contains("Content-Length")) {
      headers.add("Content-Length", Integer.toString(request.bodyBytes().length));
    }
  }

  CompletableFuture<Answer> answer() {
    return answer;
  }

  @Override
  public String method() {
    return request.method();
  }

  @Override
  public String rawPath() {
    return rawPath;
  }

  @Override
  public String path() {
    try {
      return URLDecoder.decode(rawPath.replace("+", "%2B"), StandardCharsets.UTF_8);
    } catch (IllegalArgumentException malformed) {
      return rawPath;
    }
  }

  @Override
  public String rawQuery() {
    return rawQuery;
  }

  @Override
  public String connectionScheme() {
    return scheme;
  }

  @Override
  public int localPort() {
    return "https".equals(scheme) ? 443 : 80;
  }

  @Override
  public String header(String name) {
    return headers.first(name);
  }

  @Override
  public List<String> headers(String name) {
    return headers.all(name);
  }

  @Override
  public Headers headers() {
    return headers;
  }

  @Override
  public long contentLength() {
    return request.bodyBytes().length;
  }

  @Override
  public InputStream body() {
    return new ByteArrayInputStream(request.bodyBytes());
  }

  @Override
  public void watchClient(Runnable onGone) {
    // An in-memory client never leaves.
  }

  @Override
  public void respond(int status, Headers headers, byte[] body) {
    Headers sent = headers.copy();
    if (status >= 200 && status != 204 && status != 304) {
      // As an HTTP server does: no length on answers that cannot have a body.
      sent.set("Content-Length", Integer.toString(body.length));
    }
    boolean head = "HEAD".equals(request.method());
    answer.complete(new Answer(status, sent, head ? new byte[0] : body.clone(), false));
  }

  @Override
  public synchronized OutputStream stream(int status, Headers headers) {
    streamStatus = status;
    streamHeaders = headers.copy();
    streamed = new ByteArrayOutputStream();
    boolean head = "HEAD".equals(request.method());
    return new OutputStream() {
      @Override
      public void write(int b) {
        write(new byte[] {(byte) b}, 0, 1);
      }

      @Override
      public void write(byte[] bytes, int offset, int length) {
        if (!head) {
          synchronized (MemoryExchange.this) {
            streamed.write(bytes, offset, length);
          }
        }
      }

      @Override
      public void close() {
        finishStream(false);
      }
    };
  }

  @Override
  public void abort() {
    if (streamed != null) {
      finishStream(true);
    }
  }

  private synchronized void finishStream(boolean aborted) {
    answer.complete(new Answer(streamStatus, streamHeaders, streamed.toByteArray(), aborted));
  }
}
