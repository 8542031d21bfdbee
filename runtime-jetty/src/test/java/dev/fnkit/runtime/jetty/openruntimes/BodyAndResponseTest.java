package dev.fnkit.runtime.jetty.openruntimes;

import static org.assertj.core.api.Assertions.assertThat;

import dev.fnkit.sdk.Cookie;
import dev.fnkit.sdk.HttpFunction;
import java.io.OutputStream;
import java.net.Socket;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Request bodies and the protocol's rules for answers. */
class BodyAndResponseTest {
  private static final HttpFunction SIZE =
      (request, response) -> response.send(Integer.toString(request.bodyBytes().length));

  @Test
  void bodiesOf17MbWorkByPutAndPostAnd23MbIs413() throws Exception {
    try (OpenRuntimesServer server = OpenRuntimesServer.start(SIZE)) {
      byte[] seventeen = new byte[17_000_000];
      for (String method : List.of("PUT", "POST")) {
        HttpResponse<String> response =
            server.send(
                server
                    .request("/")
                    .method(method, HttpRequest.BodyPublishers.ofByteArray(seventeen)));
        assertThat(response.statusCode()).as(method).isEqualTo(200);
        assertThat(response.body()).isEqualTo("17000000");
      }
      HttpResponse<String> tooLarge =
          server.send(
              server
                  .request("/")
                  .POST(HttpRequest.BodyPublishers.ofByteArray(new byte[23_000_000])));
      assertThat(tooLarge.statusCode()).isEqualTo(413);
    }
  }

  /**
   * The executor's "empty content-length" is curl's: a header given with an empty value is not sent
   * at all. A literally empty {@code Content-Length} line is malformed HTTP (RFC 9110 wants digits)
   * and Jetty answers it 400 before any function runs; that is covered by the plain-mode test of
   * malformed requests.
   */
  @Test
  void zeroAndAbsentContentLengthOnGetWork() throws Exception {
    try (OpenRuntimesServer server = OpenRuntimesServer.start(SIZE)) {
      for (String lengthHeader : List.of("Content-Length: 0\r\n", "")) {
        String request =
            "GET / HTTP/1.1\r\nHost: x\r\n" + lengthHeader + "Connection: close\r\n\r\n";
        try (Socket socket = new Socket("127.0.0.1", server.port())) {
          socket.setSoTimeout(10_000);
          socket.getOutputStream().write(request.getBytes(StandardCharsets.US_ASCII));
          String answer =
              new String(socket.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
          assertThat(answer).as(lengthHeader).startsWith("HTTP/1.1 200").endsWith("\r\n\r\n0");
        }
      }
    }
  }

  @Test
  void textIsDecodedAsUtf8AndInvalidJsonRaisesAnErrorMentioningJson() throws Exception {
    HttpFunction parse =
        (request, response) -> {
          try {
            response.json(Map.of("text", request.bodyText(), "json", request.bodyAs(Map.class)));
          } catch (IllegalArgumentException e) {
            response.status(400).send(e.getMessage());
          }
        };
    try (OpenRuntimesServer server = OpenRuntimesServer.start(parse)) {
      HttpResponse<String> ok =
          server.send(
              server.request("/").POST(HttpRequest.BodyPublishers.ofString("{\"a\":\"Zoë\"}")));
      Map<?, ?> parsed = new com.google.gson.Gson().fromJson(ok.body(), Map.class);
      assertThat(parsed.get("text")).isEqualTo("{\"a\":\"Zoë\"}");
      assertThat(parsed.get("json")).isEqualTo(Map.of("a", "Zoë"));

      for (String body : List.of("", "{not json")) {
        HttpResponse<String> bad =
            server.send(server.request("/").POST(HttpRequest.BodyPublishers.ofString(body)));
        assertThat(bad.statusCode()).isEqualTo(400);
        assertThat(bad.body()).contains("JSON");
      }
    }
  }

  @Test
  void answerHeadersAreLowerCasedWithoutProtocolHeadersAndWithTheLogId() throws Exception {
    HttpFunction headers =
        (request, response) ->
            response
                .header("X-Custom-Header", "Value")
                .header("x-open-runtimes-log-id", "forged")
                .header("X-Open-Runtimes-Other", "dropped")
                .cookie(Cookie.of("a", "1"))
                .cookie(Cookie.of("b", "2"))
                .send("ok");
    try (OpenRuntimesServer server = OpenRuntimesServer.start(headers)) {
      HttpResponse<String> response =
          server.send(server.request("/").header("x-open-runtimes-log-id", "given"));

      assertThat(response.headers().allValues("x-custom-header")).containsExactly("Value");
      assertThat(response.headers().allValues("x-open-runtimes-log-id")).containsExactly("given");
      assertThat(response.headers().map()).doesNotContainKey("x-open-runtimes-other");
      assertThat(response.headers().allValues("set-cookie")).containsExactly("a=1", "b=2");
    }
    try (Socket socket = new Socket("127.0.0.1", startedPort(headers))) {
      // Names on the wire, not as the client library reports them.
      socket.setSoTimeout(10_000);
      socket
          .getOutputStream()
          .write(
              "GET / HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n"
                  .getBytes(StandardCharsets.US_ASCII));
      String answer = new String(socket.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
      assertThat(answer)
          .contains("\r\nx-custom-header: Value\r\n")
          .doesNotContain("X-Custom-Header");
    } finally {
      stopStarted();
    }
  }

  @Test
  void contentTypeDefaultsToTextAndIsNormalizedUnlessMultipart() throws Exception {
    HttpFunction typed =
        (request, response) -> {
          String type = request.queryParam("type").orElse(null);
          if (type != null) {
            response.contentType(type);
          }
          response.send("x");
        };
    try (OpenRuntimesServer server = OpenRuntimesServer.start(typed)) {
      Map<String, String> expected =
          Map.of(
              "", "text/plain; charset=utf-8",
              "TEXT/PLAIN", "text/plain; charset=utf-8",
              "text/plain; charset=iso-8859-1", "text/plain; charset=iso-8859-1",
              "multipart/form-data; boundary=12345", "multipart/form-data; boundary=12345",
              "Application/JSON", "application/json; charset=utf-8");
      for (Map.Entry<String, String> type : expected.entrySet()) {
        String target =
            type.getKey().isEmpty()
                ? "/"
                : "/?type=" + java.net.URLEncoder.encode(type.getKey(), StandardCharsets.UTF_8);
        assertThat(server.get(target).headers().firstValue("content-type"))
            .as(type.getKey())
            .contains(type.getValue());
      }
    }
  }

  @Test
  void jsonIsCompactEmptyIs204RedirectSetsLocationAndTheLastAnswerWins() throws Exception {
    HttpFunction answers =
        (request, response) -> {
          switch (request.path()) {
            case "/json" -> response.json(Map.of("message", "Hello", "list", List.of(1, 2)));
            case "/empty" -> response.empty();
            case "/redirect" -> response.redirect("https://example.com/", 301);
            case "/twice" -> {
              response.send("first");
              response.json(Map.of("second", true));
            }
            default -> response.status(404).empty();
          }
        };
    try (OpenRuntimesServer server = OpenRuntimesServer.start(answers)) {
      HttpResponse<String> json = server.get("/json");
      assertThat(json.headers().firstValue("content-type"))
          .contains("application/json; charset=utf-8");
      assertThat(json.body())
          .doesNotContain(" ")
          .doesNotContain("\n")
          .contains("\"message\":\"Hello\"");

      HttpResponse<String> empty = server.get("/empty");
      assertThat(empty.statusCode()).isEqualTo(204);
      assertThat(empty.body()).isEmpty();

      HttpResponse<String> redirect = server.get("/redirect");
      assertThat(redirect.statusCode()).isEqualTo(301);
      assertThat(redirect.headers().firstValue("location")).contains("https://example.com/");

      assertThat(server.get("/twice").body()).isEqualTo("{\"second\":true}");
    }
  }

  @Test
  void aStreamedAnswerFollowsTheSameHeaderRules() throws Exception {
    HttpFunction streaming =
        (request, response) -> {
          OutputStream out = response.header("X-Part", "1").outputStream();
          out.write("streamed".getBytes(StandardCharsets.UTF_8));
        };
    try (OpenRuntimesServer server = OpenRuntimesServer.start(streaming)) {
      HttpResponse<String> response = server.get("/");
      assertThat(response.body()).isEqualTo("streamed");
      assertThat(response.headers().firstValue("x-part")).contains("1");
      assertThat(response.headers().firstValue("content-type"))
          .contains("application/octet-stream; charset=utf-8");
      assertThat(response.headers().map()).containsKey("x-open-runtimes-log-id");
    }
  }

  private OpenRuntimesServer started;

  private int startedPort(HttpFunction function) throws Exception {
    started = OpenRuntimesServer.start(function);
    return started.port();
  }

  private void stopStarted() throws Exception {
    if (started != null) {
      started.close();
    }
  }
}
