package dev.fnkit.runtime;

import dev.fnkit.sdk.Cookie;
import dev.fnkit.sdk.Response;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.Objects;

/**
 * The {@link Response} of one invocation: collects status, headers and body until the function
 * returns, or streams once the function asks for {@link #outputStream()}.
 */
final class FunctionResponse implements Response {
  static final String TEXT_UTF8 = "text/plain; charset=utf-8";
  static final String JSON_UTF8 = "application/json; charset=utf-8";
  static final String OCTET_STREAM = "application/octet-stream";

  private final Invocation invocation;
  private final Json json;
  private int status = 200;
  private final Headers headers = new Headers();
  private byte[] body;
  private String bodyContentType;
  private OutputStream stream;

  FunctionResponse(Invocation invocation, Json json) {
    this.invocation = invocation;
    this.json = json;
  }

  @Override
  public Response status(int status) {
    checkNotStreaming();
    if (status < 100 || status > 599) {
      throw new IllegalArgumentException("status must be between 100 and 599, was " + status);
    }
    this.status = status;
    return this;
  }

  @Override
  public Response header(String name, String value) {
    checkNotStreaming();
    headers.set(HttpSyntax.checkHeaderName(name), HttpSyntax.checkHeaderValue(name, value));
    return this;
  }

  @Override
  public Response addHeader(String name, String value) {
    checkNotStreaming();
    headers.add(HttpSyntax.checkHeaderName(name), HttpSyntax.checkHeaderValue(name, value));
    return this;
  }

  @Override
  public Response cookie(Cookie cookie) {
    Objects.requireNonNull(cookie, "cookie");
    return addHeader("Set-Cookie", cookie.toHeaderValue());
  }

  @Override
  public Response contentType(String contentType) {
    return header("Content-Type", contentType);
  }

  @Override
  public void send(String text) {
    Objects.requireNonNull(text, "body");
    String declared = headers.first("Content-Type");
    Charset charset =
        declared == null
            ? StandardCharsets.UTF_8
            : ContentTypes.charsetOf(declared).orElse(StandardCharsets.UTF_8);
    setBody(text.getBytes(charset), TEXT_UTF8);
  }

  @Override
  public void send(byte[] bytes) {
    setBody(Objects.requireNonNull(bytes, "body"), OCTET_STREAM);
  }

  @Override
  public void json(Object value) {
    setBody(json.write(value).getBytes(StandardCharsets.UTF_8), JSON_UTF8);
  }

  @Override
  public void redirect(String url) {
    redirect(url, 302);
  }

  @Override
  public void redirect(String url, int status) {
    if (status < 300 || status > 399) {
      throw new IllegalArgumentException("redirect status must be 3xx, was " + status);
    }
    header("Location", Objects.requireNonNull(url, "url"));
    this.status = status;
    clearBody();
  }

  @Override
  public void empty() {
    checkNotStreaming();
    status = 204;
    clearBody();
  }

  @Override
  public OutputStream outputStream() {
    if (stream == null) {
      Headers sent = headers.copy();
      if (!sent.contains("Content-Type")) {
        sent.set("Content-Type", bodyContentType != null ? bodyContentType : OCTET_STREAM);
      }
      try {
        stream = invocation.startStreaming(status, sent);
      } catch (IOException e) {
        throw new UncheckedIOException("starting the response stream failed", e);
      }
    }
    return stream;
  }

  boolean isStreaming() {
    return stream != null;
  }

  int status() {
    return status;
  }

  /** The headers to send: those the function set, plus the content type of its body. */
  Headers headersToSend() {
    if (body != null && bodyContentType != null && !headers.contains("Content-Type")) {
      headers.set("Content-Type", bodyContentType);
    }
    return headers;
  }

  byte[] body() {
    return body == null ? new byte[0] : body;
  }

  private void setBody(byte[] bytes, String defaultContentType) {
    checkNotStreaming();
    body = bytes;
    bodyContentType = defaultContentType;
    if (status == 204) {
      status = 200;
    }
  }

  private void clearBody() {
    checkNotStreaming();
    body = null;
    bodyContentType = null;
  }

  private void checkNotStreaming() {
    if (stream != null) {
      throw new IllegalStateException(
          "the response is already streaming: status, headers and body can no longer change");
    }
  }
}
