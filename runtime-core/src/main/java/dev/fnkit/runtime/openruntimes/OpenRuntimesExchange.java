package dev.fnkit.runtime.openruntimes;

import dev.fnkit.runtime.Exchange;
import dev.fnkit.runtime.Headers;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The Open Runtimes view of an exchange. The function sees lower-cased request headers without any
 * {@code x-open-runtimes-*} header, and with the enforced headers set over what the client sent.
 * Its answer goes out with lower-cased header names, no {@code x-open-runtimes-*} header, a
 * normalized content type and the {@code x-open-runtimes-log-id} header.
 */
public final class OpenRuntimesExchange implements Exchange {
  static final String PREFIX = "x-open-runtimes-";
  static final String LOG_ID = "x-open-runtimes-log-id";

  private final Exchange exchange;
  private final Map<String, String> enforced;
  private final String logId;

  OpenRuntimesExchange(Exchange exchange, Map<String, String> enforced, String logId) {
    this.exchange = exchange;
    this.enforced = enforced;
    this.logId = logId;
  }

  @Override
  public String header(String name) {
    String key = name.toLowerCase(Locale.ROOT);
    String value = enforced.get(key);
    if (value != null) {
      return value;
    }
    return key.startsWith(PREFIX) ? null : exchange.header(name);
  }

  @Override
  public List<String> headers(String name) {
    String key = name.toLowerCase(Locale.ROOT);
    String value = enforced.get(key);
    if (value != null) {
      return List.of(value);
    }
    return key.startsWith(PREFIX) ? List.of() : exchange.headers(name);
  }

  @Override
  public Headers headers() {
    Headers view = new Headers();
    exchange
        .headers()
        .forEach(
            (name, value) -> {
              String key = name.toLowerCase(Locale.ROOT);
              if (!key.startsWith(PREFIX) && !enforced.containsKey(key)) {
                view.add(key, value);
              }
            });
    enforced.forEach(view::set);
    return view;
  }

  @Override
  public void respond(int status, Headers headers, byte[] body) throws IOException {
    exchange.respond(status, answerHeaders(headers), body);
  }

  @Override
  public OutputStream stream(int status, Headers headers) throws IOException {
    return exchange.stream(status, answerHeaders(headers));
  }

  /** The function's headers as the protocol sends them. */
  Headers answerHeaders(Headers headers) {
    Headers sent = new Headers();
    List<String> contentTypes = new ArrayList<>();
    headers.forEach(
        (name, value) -> {
          String key = name.toLowerCase(Locale.ROOT);
          if (key.equals("content-type")) {
            contentTypes.add(value);
          } else if (!key.startsWith(PREFIX)) {
            sent.add(key, value);
          }
        });
    sent.set("content-type", contentType(contentTypes.isEmpty() ? null : contentTypes.get(0)));
    sent.set(LOG_ID, logId);
    return sent;
  }

  /**
   * {@code text/plain} by default; lower-cased with {@code ; charset=utf-8} added when no charset
   * is named; a {@code multipart/} type is kept as it is (its boundary is case-sensitive).
   */
  static String contentType(String value) {
    if (value == null || value.isBlank()) {
      return "text/plain; charset=utf-8";
    }
    if (value.regionMatches(true, 0, "multipart/", 0, "multipart/".length())) {
      return value;
    }
    String lower = value.toLowerCase(Locale.ROOT);
    return lower.contains("charset=") ? lower : lower + "; charset=utf-8";
  }

  @Override
  public String method() {
    return exchange.method();
  }

  @Override
  public String rawPath() {
    return exchange.rawPath();
  }

  @Override
  public String path() {
    return exchange.path();
  }

  @Override
  public String rawQuery() {
    return exchange.rawQuery();
  }

  @Override
  public String connectionScheme() {
    return exchange.connectionScheme();
  }

  @Override
  public int localPort() {
    return exchange.localPort();
  }

  @Override
  public long contentLength() {
    return exchange.contentLength();
  }

  @Override
  public InputStream body() throws IOException {
    return exchange.body();
  }

  @Override
  public void watchClient(Runnable onGone) {
    exchange.watchClient(onGone);
  }

  @Override
  public void abort() {
    exchange.abort();
  }
}
