package dev.fnkit.runtime;

import dev.fnkit.sdk.HttpException;
import dev.fnkit.sdk.Log;
import dev.fnkit.sdk.Request;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.lang.reflect.Type;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * The {@link Request} of one invocation, over an {@link Exchange}. Everything beyond the method and
 * path is computed on first use, so a function pays only for what it reads.
 */
final class FunctionRequest implements Request {
  private static final byte[] NO_BODY = new byte[0];

  private final Exchange exchange;
  private final Invocation invocation;
  private final InvokerSettings settings;
  private final Json json;

  private Map<String, List<String>> queryParams;
  private Map<String, List<String>> headerMap;
  private Map<String, String> cookies;
  private String scheme;
  private String host;
  private int port;
  private InputStream bodyStream;
  private byte[] body;

  FunctionRequest(Exchange exchange, Invocation invocation, InvokerSettings settings, Json json) {
    this.exchange = exchange;
    this.invocation = invocation;
    this.settings = settings;
    this.json = json;
  }

  @Override
  public String method() {
    return exchange.method();
  }

  @Override
  public String path() {
    return exchange.path();
  }

  @Override
  public String url() {
    resolveOrigin();
    StringBuilder url = new StringBuilder(64).append(scheme).append("://");
    url.append(host.indexOf(':') >= 0 ? "[" + host + "]" : host);
    if (port != defaultPort(scheme)) {
      url.append(':').append(port);
    }
    url.append(exchange.rawPath());
    String query = exchange.rawQuery();
    if (!query.isEmpty()) {
      url.append('?').append(query);
    }
    return url.toString();
  }

  @Override
  public String scheme() {
    resolveOrigin();
    return scheme;
  }

  @Override
  public String host() {
    resolveOrigin();
    return host;
  }

  @Override
  public int port() {
    resolveOrigin();
    return port;
  }

  @Override
  public String queryString() {
    return exchange.rawQuery();
  }

  @Override
  public Map<String, List<String>> queryParams() {
    if (queryParams == null) {
      queryParams = QueryString.parse(exchange.rawQuery(), true);
    }
    return queryParams;
  }

  @Override
  public Optional<String> queryParam(String name) {
    List<String> values = queryParams().get(name);
    return values == null ? Optional.empty() : Optional.of(values.get(0));
  }

  @Override
  public List<String> queryParams(String name) {
    return queryParams().getOrDefault(name, List.of());
  }

  @Override
  public Map<String, List<String>> headers() {
    if (headerMap == null) {
      headerMap = exchange.headers().toMap();
    }
    return headerMap;
  }

  @Override
  public Optional<String> header(String name) {
    return Optional.ofNullable(exchange.header(name));
  }

  @Override
  public List<String> headers(String name) {
    return exchange.headers(name);
  }

  @Override
  public Map<String, String> cookies() {
    if (cookies == null) {
      cookies = CookieHeader.parse(exchange.headers("Cookie"));
    }
    return cookies;
  }

  @Override
  public Optional<String> cookie(String name) {
    return Optional.ofNullable(cookies().get(name));
  }

  @Override
  public Optional<String> contentType() {
    return Optional.ofNullable(exchange.header("Content-Type"));
  }

  @Override
  public Optional<Charset> charset() {
    return contentType().flatMap(ContentTypes::charsetOf);
  }

  @Override
  public byte[] bodyBytes() {
    if (body == null) {
      if (bodyStream != null) {
        throw new IllegalStateException("the body was already read with bodyStream()");
      }
      try (InputStream in = bodyStream()) {
        body = in.readAllBytes();
      } catch (BodyTooLargeException tooLarge) {
        throw new HttpException(413, tooLarge.getMessage(), tooLarge);
      } catch (IOException e) {
        throw new UncheckedIOException("reading the request body failed", e);
      }
      bodyStream = new ByteArrayInputStream(body);
    }
    return body;
  }

  @Override
  public String bodyText() {
    return new String(bodyBytes(), charset().orElse(StandardCharsets.UTF_8));
  }

  @Override
  public InputStream bodyStream() {
    if (bodyStream == null) {
      if (exchange.contentLength() == 0) {
        body = NO_BODY;
        bodyStream = new ByteArrayInputStream(body);
      } else {
        try {
          bodyStream = new LimitedInputStream(exchange.body(), settings.maxBodyBytes());
        } catch (IOException e) {
          throw new UncheckedIOException("opening the request body failed", e);
        }
      }
    } else if (body != null) {
      return new ByteArrayInputStream(body);
    }
    return bodyStream;
  }

  @Override
  public <T> T bodyAs(Class<T> type) {
    return bodyAs((Type) type);
  }

  @Override
  public <T> T bodyAs(Type type) {
    return json.read(bodyBytes(), charset().orElse(StandardCharsets.UTF_8), type);
  }

  @Override
  public Map<String, String> env() {
    return settings.env();
  }

  @Override
  public Optional<String> env(String name) {
    return Optional.ofNullable(settings.env().get(name));
  }

  @Override
  public String invocationId() {
    return invocation.id();
  }

  @Override
  public Optional<Instant> deadline() {
    return Optional.ofNullable(invocation.deadline());
  }

  @Override
  public Log log() {
    return invocation.log();
  }

  @Override
  public String toString() {
    return method() + " " + url();
  }

  private void resolveOrigin() {
    if (scheme != null) {
      return;
    }
    String forwarded = exchange.header("X-Forwarded-Proto");
    if (forwarded != null && !forwarded.isBlank()) {
      int comma = forwarded.indexOf(',');
      scheme =
          (comma < 0 ? forwarded : forwarded.substring(0, comma)).trim().toLowerCase(Locale.ROOT);
    } else {
      scheme = exchange.connectionScheme();
    }
    String hostHeader = exchange.header("Host");
    if (hostHeader == null || hostHeader.isBlank()) {
      host = "localhost";
      port = exchange.localPort();
      return;
    }
    hostHeader = hostHeader.trim();
    int colon = hostHeader.lastIndexOf(':');
    int bracket = hostHeader.lastIndexOf(']');
    if (colon > bracket) {
      host = hostHeader.substring(0, colon);
      try {
        port = Integer.parseInt(hostHeader.substring(colon + 1));
      } catch (NumberFormatException notAPort) {
        port = defaultPort(scheme);
      }
    } else {
      host = hostHeader;
      port = defaultPort(scheme);
    }
    if (host.startsWith("[") && host.endsWith("]")) {
      host = host.substring(1, host.length() - 1);
    }
  }

  private static int defaultPort(String scheme) {
    return "https".equals(scheme) ? 443 : 80;
  }
}
