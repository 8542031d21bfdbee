package dev.fnkit.runtime.jetty;

import static org.assertj.core.api.Assertions.assertThat;

import dev.fnkit.runtime.ConsoleCapture;
import dev.fnkit.sdk.Cookie;
import dev.fnkit.sdk.HttpException;
import dev.fnkit.sdk.HttpFunction;
import dev.fnkit.sdk.Request;
import dev.fnkit.sdk.Response;
import dev.fnkit.testkit.FunctionTester;
import dev.fnkit.testkit.TestRequest;
import dev.fnkit.testkit.TestResponse;
import java.io.OutputStream;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The same scenarios through the testkit and over HTTP must give the same status, headers and body:
 * a behaviour tested in memory is the behaviour served.
 */
class ParityTest {
  private static final Duration TIMEOUT = Duration.ofMillis(500);
  private static final long MAX_BODY = 1024;

  /** One function with a route per behaviour. */
  public static final class Routes implements HttpFunction {
    @Override
    public void handle(Request request, Response response) throws Exception {
      switch (request.path()) {
        case "/text" -> response.send("Hello, " + request.queryParam("name").orElse("?") + "!");
        case "/json" -> response.status(201).json(Map.of("list", List.of(1, 2), "ok", true));
        case "/bytes" -> response.send(new byte[] {0, 1, 2, (byte) 255});
        case "/empty" -> response.empty();
        case "/nothing" -> {}
        case "/redirect" -> response.redirect("/elsewhere?x=1", 308);
        case "/cookies" ->
            response
                .cookie(Cookie.of("a", "1").withPath("/").withHttpOnly(true))
                .cookie(Cookie.of("b", "2").withSameSite(Cookie.SameSite.NONE).withSecure(true))
                .addHeader("X-Multi", "one")
                .addHeader("X-Multi", "two")
                .send("cookies");
        case "/echo" ->
            response
                .contentType(request.contentType().orElse("text/plain; charset=utf-8"))
                .header("X-Seen", String.join(",", request.headers("X-Seen")))
                .header("X-Cookie", request.cookie("c").orElse(""))
                .send(request.bodyText());
        case "/charset" -> response.contentType("text/plain; charset=ISO-8859-1").send("Zoë");
        case "/not-found" -> throw new HttpException(404, "no such thing");
        case "/boom" -> throw new IllegalStateException("internal detail");
        case "/crlf" -> response.header("X-Bad", "a\r\nb").send("never");
        case "/bad-json" -> response.json(request.bodyAs(Map.class));
        case "/slow" -> Thread.sleep(3_000);
        case "/stream" -> {
          OutputStream out = response.status(200).contentType("text/csv").outputStream();
          for (int i = 0; i < 100; i++) {
            out.write(("row," + i + "\n").getBytes(StandardCharsets.UTF_8));
          }
        }
        default -> throw new HttpException(404, "unknown route " + request.path());
      }
    }
  }

  private static TestServer server;
  private static FunctionTester tester;

  @BeforeAll
  static void start() throws Exception {
    ConsoleCapture.install();
    server = TestServer.start(new Routes(), TIMEOUT, MAX_BODY);
    tester = FunctionTester.of(new Routes()).withTimeout(TIMEOUT).withMaxBodyBytes(MAX_BODY);
  }

  @AfterAll
  static void stop() throws Exception {
    server.close();
  }

  static Stream<TestRequest> scenarios() {
    return Stream.of(
        TestRequest.get("/text?name=Ada"),
        TestRequest.get("/json"),
        TestRequest.get("/bytes"),
        TestRequest.get("/empty"),
        TestRequest.get("/nothing"),
        TestRequest.get("/redirect"),
        TestRequest.get("/cookies"),
        TestRequest.post("/echo")
            .header("X-Seen", "1")
            .header("X-Seen", "2")
            .cookie("c", "x=y:z")
            .body("Grüße", StandardCharsets.ISO_8859_1),
        TestRequest.put("/echo").jsonText("{\"a\":1}"),
        TestRequest.get("/charset"),
        TestRequest.get("/not-found"),
        TestRequest.get("/boom"),
        TestRequest.get("/crlf"),
        TestRequest.post("/bad-json").jsonText("{"),
        TestRequest.post("/echo").body(new byte[(int) MAX_BODY + 1]),
        TestRequest.get("/slow"),
        TestRequest.of("HEAD", "/text?name=Ada"),
        TestRequest.of("OPTIONS", "/empty"),
        TestRequest.delete("/nothing"),
        TestRequest.get("/stream"));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("scenarios")
  void inMemoryAndOverHttpAnswerAlike(TestRequest scenario) throws Exception {
    TestResponse inMemory = tester.call(scenario);
    HttpResponse<byte[]> overHttp =
        server.client.send(toHttp(scenario), HttpResponse.BodyHandlers.ofByteArray());

    assertThat(overHttp.statusCode()).as("status").isEqualTo(inMemory.status());
    assertThat(comparable(overHttp.headers().map()))
        .as("headers")
        .isEqualTo(comparable(inMemory.headers()));
    assertThat(overHttp.body()).as("body").isEqualTo(inMemory.bodyBytes());
  }

  private HttpRequest toHttp(TestRequest scenario) {
    HttpRequest.Builder builder = HttpRequest.newBuilder(server.uri(scenario.target()));
    for (Map.Entry<String, String> header : scenario.headers()) {
      builder.header(header.getKey(), header.getValue());
    }
    byte[] body = scenario.body();
    return builder
        .method(
            scenario.method(),
            body.length == 0
                ? HttpRequest.BodyPublishers.noBody()
                : HttpRequest.BodyPublishers.ofByteArray(body))
        .build();
  }

  /** Headers by lower-case name; the connection-level ones only a socket has are left out. */
  private static Map<String, List<String>> comparable(Map<String, List<String>> headers) {
    Map<String, List<String>> result = new TreeMap<>();
    headers.forEach(
        (name, values) -> {
          String key = name.toLowerCase(Locale.ROOT);
          if (!List.of("date", "connection", "transfer-encoding", ":status").contains(key)) {
            result.put(key, values);
          }
        });
    return result;
  }
}
