package dev.fnkit.runtime.jetty;

import static org.assertj.core.api.Assertions.assertThat;

import dev.fnkit.runtime.ConsoleCapture;
import dev.fnkit.runtime.LogEntry;
import dev.fnkit.sdk.Cookie;
import dev.fnkit.sdk.HttpFunction;
import dev.fnkit.sdk.Request;
import dev.fnkit.sdk.TypedFunction;
import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Collectors;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The Jetty runtime over real HTTP: each edge the runtime promises, on a random free port. */
class HttpServingTest {

  @BeforeAll
  static void captureConsoleAsTheRuntimeDoes() {
    ConsoleCapture.install();
  }

  private static final HttpFunction ECHO =
      (request, response) -> {
        response.header("X-Method", request.method());
        response.header("X-Url", request.url());
        response.send(request.bodyText());
      };

  @Test
  void servesTheFunctionOnEveryPathWithTheHeadersItSet() throws Exception {
    try (TestServer server = TestServer.start(ECHO)) {
      HttpResponse<String> response = server.get("/a/b?name=Ada&x=%20");

      assertThat(response.statusCode()).isEqualTo(200);
      assertThat(response.headers().firstValue("Content-Type"))
          .contains("text/plain; charset=utf-8");
      assertThat(response.headers().firstValue("X-Url"))
          .contains("http://127.0.0.1:" + server.port() + "/a/b?name=Ada&x=%20");
      assertThat(response.headers().firstValue("Server")).isEmpty();
    }
  }

  @Test
  void anUnhandledExceptionIs500WithEmptyBodyAndTheServerKeepsServing() throws Exception {
    HttpFunction failing =
        (request, response) -> {
          if (request.queryParam("fail").isPresent()) {
            throw new IllegalStateException("database password is hunter2");
          }
          response.send("fine");
        };
    try (TestServer server = TestServer.start(failing)) {
      HttpResponse<String> failed = server.get("/?fail");

      assertThat(failed.statusCode()).isEqualTo(500);
      assertThat(failed.body()).isEmpty();
      assertThat(server.logs)
          .anySatisfy(
              entry -> {
                assertThat(entry.severity()).isEqualTo(LogEntry.Severity.ERROR);
                assertThat(entry.message()).contains("database password is hunter2");
              });
      assertThat(server.get("/").body()).isEqualTo("fine");
    }
  }

  @Test
  void timeoutAnswers504AtOnceEvenIfTheFunctionIgnoresInterrupts() throws Exception {
    CountDownLatch finished = new CountDownLatch(1);
    HttpFunction stubborn =
        (request, response) -> {
          request.log().log("begin");
          long end = System.nanoTime() + TimeUnit.SECONDS.toNanos(2);
          while (System.nanoTime() < end) {
            Thread.onSpinWait(); // ignores the interrupt on purpose
          }
          request.log().log("end");
          response.send("late");
          finished.countDown();
        };
    try (TestServer server = TestServer.start(stubborn, Duration.ofMillis(300), 1024)) {
      long started = System.nanoTime();
      HttpResponse<String> response = server.get("/");
      long millis = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - started);

      assertThat(response.statusCode()).isEqualTo(504);
      assertThat(response.body()).isEmpty();
      assertThat(millis).isLessThan(1500);
      assertThat(finished.await(5, TimeUnit.SECONDS)).isTrue();
      assertThat(server.messagesOfInvocationThatLogged("begin"))
          .containsExactly("begin", "Invocation timed out after 300 ms.");
    }
  }

  @Test
  void aClientThatDisconnectsCancelsTheInvocation() throws Exception {
    CountDownLatch started = new CountDownLatch(1);
    CountDownLatch interrupted = new CountDownLatch(1);
    HttpFunction slow =
        (request, response) -> {
          request.log().log("waiting");
          started.countDown();
          try {
            Thread.sleep(20_000);
          } catch (InterruptedException e) {
            interrupted.countDown();
          }
        };
    try (TestServer server = TestServer.start(slow)) {
      try (Socket socket = new Socket("127.0.0.1", server.port())) {
        socket
            .getOutputStream()
            .write("GET / HTTP/1.1\r\nHost: localhost\r\n\r\n".getBytes(StandardCharsets.US_ASCII));
        assertThat(started.await(5, TimeUnit.SECONDS)).isTrue();
      }

      assertThat(interrupted.await(5, TimeUnit.SECONDS)).isTrue();
      assertThat(server.messagesOfInvocationThatLogged("waiting"))
          .containsExactly("waiting", "Invocation cancelled: the client disconnected.");
    }
  }

  @Test
  void aPipelinedRequestSurvivesTheDisconnectWatch() throws Exception {
    HttpFunction slowThenFast =
        (request, response) -> {
          if (request.path().equals("/slow")) {
            Thread.sleep(
                Long.getLong(
                    "slow", 1_200)); // long enough for the runtime to start watching the client
          }
          response.send(request.path());
        };
    try (TestServer server = TestServer.start(slowThenFast);
        Socket socket = new Socket("127.0.0.1", server.port())) {
      socket.setSoTimeout(10_000);
      OutputStream out = socket.getOutputStream();
      out.write(
          ("GET /slow HTTP/1.1\r\nHost: x\r\n\r\n"
                  + "GET /fast HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n")
              .getBytes(StandardCharsets.US_ASCII));
      String answers =
          new String(socket.getInputStream().readAllBytes(), StandardCharsets.US_ASCII);

      assertThat(answers).startsWith("HTTP/1.1 200");
      assertThat(answers.indexOf("/slow")).isLessThan(answers.indexOf("/fast"));
      assertThat(answers.split("HTTP/1.1 200", -1)).hasSize(3);
    }
  }

  @Test
  void aConnectionStaysReusableAfterAWatchedInvocation() throws Exception {
    HttpFunction slow =
        (request, response) -> {
          Thread.sleep(request.path().equals("/slow") ? 1_200 : 0);
          response.send(request.path());
        };
    try (TestServer server = TestServer.start(slow);
        Socket socket = new Socket("127.0.0.1", server.port())) {
      socket.setSoTimeout(10_000);
      InputStream in = socket.getInputStream();
      OutputStream out = socket.getOutputStream();
      out.write("GET /slow HTTP/1.1\r\nHost: x\r\n\r\n".getBytes(StandardCharsets.US_ASCII));
      assertThat(readResponse(in)).startsWith("HTTP/1.1 200").endsWith("/slow");
      out.write("GET /again HTTP/1.1\r\nHost: x\r\n\r\n".getBytes(StandardCharsets.US_ASCII));
      assertThat(readResponse(in)).startsWith("HTTP/1.1 200").endsWith("/again");
    }
  }

  /** Reads one response with a Content-Length body from a keep-alive connection. */
  private static String readResponse(InputStream in) throws Exception {
    StringBuilder head = new StringBuilder();
    while (!head.toString().endsWith("\r\n\r\n")) {
      int b = in.read();
      if (b < 0) {
        throw new AssertionError("connection closed after: " + head);
      }
      head.append((char) b);
    }
    int length = 0;
    for (String line : head.toString().split("\r\n")) {
      if (line.toLowerCase().startsWith("content-length:")) {
        length = Integer.parseInt(line.substring("content-length:".length()).trim());
      }
    }
    return head + new String(in.readNBytes(length), StandardCharsets.UTF_8);
  }

  @Test
  void aBodyOverTheLimitIs413() throws Exception {
    HttpFunction reads =
        (request, response) -> response.send(request.bodyBytes().length + " bytes");
    try (TestServer server = TestServer.start(reads, Duration.ofSeconds(30), 1000)) {
      HttpResponse<String> declared =
          server.send(
              HttpRequest.newBuilder(server.uri("/"))
                  .POST(HttpRequest.BodyPublishers.ofByteArray(new byte[1001])));
      assertThat(declared.statusCode()).isEqualTo(413);
      assertThat(declared.body()).isEqualTo("Request body is larger than the limit of 1000 bytes.");

      HttpResponse<String> chunked =
          server.send(
              HttpRequest.newBuilder(server.uri("/"))
                  .POST(
                      HttpRequest.BodyPublishers.ofInputStream(
                          () -> new ByteArrayInputStream(new byte[5000]))));
      assertThat(chunked.statusCode()).isEqualTo(413);

      HttpResponse<String> atLimit =
          server.send(
              HttpRequest.newBuilder(server.uri("/"))
                  .POST(HttpRequest.BodyPublishers.ofByteArray(new byte[1000])));
      assertThat(atLimit.body()).isEqualTo("1000 bytes");
    }
  }

  record Order(String item, int quantity) {}

  static final class Orders implements TypedFunction<Order, Map<String, Object>> {
    @Override
    public Map<String, Object> apply(Order order, Request request) {
      return Map.of("item", order.item(), "quantity", order.quantity());
    }
  }

  @Test
  void invalidJsonIs400ForATypedFunctionAnd500ForAnUncaughtBodyAs() throws Exception {
    try (TestServer typed = TestServer.start(new Orders())) {
      HttpResponse<String> response =
          typed.send(
              HttpRequest.newBuilder(typed.uri("/"))
                  .header("Content-Type", "application/json")
                  .POST(HttpRequest.BodyPublishers.ofString("{\"item\": ")));
      assertThat(response.statusCode()).isEqualTo(400);
      assertThat(response.body()).startsWith("Request body is not valid JSON: ");

      HttpResponse<String> ok =
          typed.send(
              HttpRequest.newBuilder(typed.uri("/"))
                  .POST(HttpRequest.BodyPublishers.ofString("{\"item\":\"pen\",\"quantity\":2}")));
      assertThat(ok.statusCode()).isEqualTo(200);
      assertThat(ok.headers().firstValue("Content-Type"))
          .contains("application/json; charset=utf-8");
    }
    HttpFunction binds = (request, response) -> response.json(request.bodyAs(Order.class));
    try (TestServer untyped = TestServer.start(binds)) {
      HttpResponse<String> response =
          untyped.send(
              HttpRequest.newBuilder(untyped.uri("/"))
                  .POST(HttpRequest.BodyPublishers.ofString("nope")));
      assertThat(response.statusCode()).isEqualTo(500);
      assertThat(response.body()).isEmpty();
    }
  }

  @Test
  void aBodyInAnotherCharsetIsDecodedWithIt() throws Exception {
    try (TestServer server = TestServer.start(ECHO)) {
      HttpResponse<byte[]> response =
          server.client.send(
              HttpRequest.newBuilder(server.uri("/"))
                  .header("Content-Type", "text/plain; charset=ISO-8859-1")
                  .POST(
                      HttpRequest.BodyPublishers.ofByteArray(
                          "Grüße".getBytes(StandardCharsets.ISO_8859_1)))
                  .build(),
              HttpResponse.BodyHandlers.ofByteArray());

      assertThat(new String(response.body(), StandardCharsets.UTF_8)).isEqualTo("Grüße");
    }
  }

  @Test
  void headerValuesWithCrLfAreNeverSent() throws Exception {
    HttpFunction injecting =
        (request, response) ->
            response.header("X-Next", request.queryParam("next").orElse("")).send("ok");
    try (TestServer server = TestServer.start(injecting)) {
      HttpResponse<String> response = server.get("/?next=a%0D%0ASet-Cookie:%20stolen=1");

      assertThat(response.statusCode()).isEqualTo(500);
      assertThat(response.headers().map())
          .doesNotContainKey("x-next")
          .doesNotContainKey("set-cookie");
    }
  }

  @Test
  void severalSetCookieHeadersAreAllSent() throws Exception {
    HttpFunction cookies =
        (request, response) ->
            response
                .cookie(Cookie.of("a", "1"))
                .cookie(Cookie.of("b", "2").withSecure(true))
                .send("ok");
    try (TestServer server = TestServer.start(cookies)) {
      assertThat(server.get("/").headers().allValues("Set-Cookie"))
          .containsExactly("a=1", "b=2; Secure");
    }
  }

  @Test
  void headAnswersHeadersOnlyAndOptionsReachesTheFunction() throws Exception {
    HttpFunction methods =
        (request, response) -> {
          if (request.method().equals("OPTIONS")) {
            response.header("Allow", "GET, HEAD, OPTIONS").empty();
          } else {
            response.send("twelve chars");
          }
        };
    try (TestServer server = TestServer.start(methods)) {
      HttpResponse<String> head =
          server.send(
              HttpRequest.newBuilder(server.uri("/"))
                  .method("HEAD", HttpRequest.BodyPublishers.noBody()));
      assertThat(head.statusCode()).isEqualTo(200);
      assertThat(head.headers().firstValue("Content-Length")).contains("12");
      assertThat(head.body()).isEmpty();

      HttpResponse<String> options =
          server.send(
              HttpRequest.newBuilder(server.uri("/"))
                  .method("OPTIONS", HttpRequest.BodyPublishers.noBody()));
      assertThat(options.statusCode()).isEqualTo(204);
      assertThat(options.headers().firstValue("Allow")).contains("GET, HEAD, OPTIONS");
    }
  }

  @Test
  void emptyBodiesWorkWithAndWithoutContentLength() throws Exception {
    HttpFunction length = (request, response) -> response.send(request.bodyBytes().length + "");
    try (TestServer server = TestServer.start(length)) {
      assertThat(
              server
                  .send(
                      HttpRequest.newBuilder(server.uri("/"))
                          .POST(HttpRequest.BodyPublishers.ofByteArray(new byte[0])))
                  .body())
          .isEqualTo("0");
      assertThat(server.get("/").body()).isEqualTo("0");
      for (String request :
          List.of(
              "POST / HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n",
              "POST / HTTP/1.1\r\nHost: x\r\nContent-Length: 0\r\nConnection: close\r\n\r\n",
              "GET / HTTP/1.0\r\n\r\n")) {
        assertThat(raw(server, request)).startsWith("HTTP/1.1 200").endsWith("\r\n\r\n0");
      }
    }
  }

  @Test
  void logsOf200ConcurrentInvocationsDoNotMix() throws Exception {
    HttpFunction chatty =
        (request, response) -> {
          String id = request.queryParam("id").orElseThrow();
          for (int i = 0; i < 3; i++) {
            request.log().log("log", id);
            System.out.println("print " + id);
            Thread.sleep(2);
          }
          response.send(id);
        };
    try (TestServer server = TestServer.start(chatty)) {
      List<CompletableFuture<HttpResponse<String>>> answers = new ArrayList<>();
      for (int i = 0; i < 200; i++) {
        answers.add(
            server.client.sendAsync(
                HttpRequest.newBuilder(server.uri("/?id=" + i)).build(),
                HttpResponse.BodyHandlers.ofString()));
      }
      for (int i = 0; i < 200; i++) {
        assertThat(answers.get(i).get(30, TimeUnit.SECONDS).body()).isEqualTo(Integer.toString(i));
      }
      Map<String, List<String>> byInvocation =
          server.logs.stream()
              .collect(
                  Collectors.groupingBy(
                      LogEntry::invocationId,
                      Collectors.mapping(LogEntry::message, Collectors.toList())));
      assertThat(byInvocation).hasSize(200);
      for (List<String> messages : byInvocation.values()) {
        String id = messages.get(0).substring("log ".length());
        assertThat(messages)
            .containsExactly(
                "log " + id, "print " + id, "log " + id, "print " + id, "log " + id, "print " + id);
      }
    }
  }

  @Test
  void runtimeEndpointsLiveUnderTheReservedPrefixAndNeverReachTheFunction() throws Exception {
    AtomicInteger calls = new AtomicInteger();
    HttpFunction counting = (request, response) -> response.send("call " + calls.incrementAndGet());
    try (TestServer server = TestServer.start(counting)) {
      assertThat(server.get("/__fnkit/health").body()).isEqualTo("OK");
      assertThat(server.get("/__fnkit/ready").statusCode()).isEqualTo(200);
      assertThat(server.get("/__fnkit/anything").statusCode()).isEqualTo(404);
      assertThat(calls).hasValue(0);
      assertThat(server.get("/__fnkitx").body()).isEqualTo("call 1");
    }
  }

  @Test
  void theFunctionSeesTheForwardedSchemeAndHost() throws Exception {
    try (TestServer server = TestServer.start(ECHO)) {
      HttpResponse<String> response =
          server.send(
              HttpRequest.newBuilder(server.uri("/p?q=1")).header("X-Forwarded-Proto", "https"));
      assertThat(response.headers().firstValue("X-Url"))
          .contains("https://127.0.0.1:" + server.port() + "/p?q=1");
    }
  }

  @Test
  void aStreamedBodyArrivesInFull() throws Exception {
    HttpFunction streaming =
        (request, response) -> {
          OutputStream out = response.contentType("text/plain; charset=utf-8").outputStream();
          byte[] line = "0123456789abcdef\n".getBytes(StandardCharsets.US_ASCII);
          for (int i = 0; i < 10_000; i++) {
            out.write(line);
          }
        };
    try (TestServer server = TestServer.start(streaming)) {
      HttpResponse<InputStream> response =
          server.client.send(
              HttpRequest.newBuilder(server.uri("/")).build(),
              HttpResponse.BodyHandlers.ofInputStream());
      assertThat(response.statusCode()).isEqualTo(200);
      try (InputStream body = response.body()) {
        assertThat(body.readAllBytes()).hasSize(170_000);
      }
    }
  }

  @Test
  void malformedRequestsGetAPlainAnswerWithoutInternals() throws Exception {
    try (TestServer server = TestServer.start(ECHO)) {
      String answer =
          raw(server, "GET /a%2F..%2F%00 HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n");
      assertThat(answer).startsWith("HTTP/1.1 400");
      assertThat(answer)
          .doesNotContain("<html")
          .doesNotContain("org.eclipse")
          .doesNotContain("at ");
    }
  }

  private static String raw(TestServer server, String request) throws Exception {
    try (Socket socket = new Socket("127.0.0.1", server.port())) {
      socket.setSoTimeout(10_000);
      socket.getOutputStream().write(request.getBytes(StandardCharsets.US_ASCII));
      return new String(socket.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    }
  }
}
