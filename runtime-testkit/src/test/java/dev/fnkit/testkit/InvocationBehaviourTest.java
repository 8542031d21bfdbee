package dev.fnkit.testkit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.fnkit.sdk.Cookie;
import dev.fnkit.sdk.HttpException;
import dev.fnkit.sdk.HttpFunction;
import dev.fnkit.sdk.Request;
import dev.fnkit.sdk.TypedFunction;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.Test;

/** The invocation core's rules, exercised in memory through the testkit. */
class InvocationBehaviourTest {

  private static TestResponse call(HttpFunction function, TestRequest request) {
    return FunctionTester.of(function).call(request);
  }

  @Test
  void aFunctionThatSetsNothingAnswers200WithAnEmptyBody() {
    TestResponse response = call((request, response1) -> {}, TestRequest.get("/"));

    assertThat(response.status()).isEqualTo(200);
    assertThat(response.bodyBytes()).isEmpty();
    assertThat(response.header("Content-Type")).isEmpty();
  }

  @Test
  void textJsonBinaryAndEmptyBodiesCarryTheirDefaultContentTypes() {
    assertThat(call((q, r) -> r.send("hi"), TestRequest.get("/")).header("Content-Type"))
        .contains("text/plain; charset=utf-8");
    assertThat(call((q, r) -> r.json(Map.of("a", 1)), TestRequest.get("/")).bodyText())
        .isEqualTo("{\"a\":1}");
    assertThat(
            call((q, r) -> r.send(new byte[] {1, 2}), TestRequest.get("/")).header("Content-Type"))
        .contains("application/octet-stream");
    TestResponse empty = call((q, r) -> r.empty(), TestRequest.get("/"));
    assertThat(empty.status()).isEqualTo(204);
    assertThat(empty.bodyBytes()).isEmpty();
  }

  @Test
  void theLastBodySetWins() {
    TestResponse response =
        call(
            (q, r) -> {
              r.send("first");
              r.json(List.of(1));
              r.send("last");
            },
            TestRequest.get("/"));

    assertThat(response.bodyText()).isEqualTo("last");
    assertThat(response.header("Content-Type")).contains("text/plain; charset=utf-8");
  }

  @Test
  void sendEncodesTextWithTheCharsetOfTheContentType() {
    TestResponse response =
        call(
            (q, r) -> r.contentType("text/plain; charset=ISO-8859-1").send("Zoë"),
            TestRequest.get("/"));

    assertThat(response.bodyBytes()).isEqualTo("Zoë".getBytes(StandardCharsets.ISO_8859_1));
    assertThat(response.bodyText()).isEqualTo("Zoë");
  }

  @Test
  void redirectsDefaultTo302AndTakeAnyRedirectStatus() {
    TestResponse found = call((q, r) -> r.redirect("/elsewhere"), TestRequest.get("/"));
    assertThat(found.status()).isEqualTo(302);
    assertThat(found.header("Location")).contains("/elsewhere");

    assertThat(call((q, r) -> r.redirect("/x", 301), TestRequest.get("/")).status()).isEqualTo(301);
    TestResponse refused = call((q, r) -> r.redirect("/x", 200), TestRequest.get("/"));
    assertThat(refused.status()).isEqualTo(500);
  }

  @Test
  void severalSetCookieHeadersAreAllSent() {
    TestResponse response =
        call(
            (q, r) ->
                r.cookie(Cookie.of("a", "1").withPath("/"))
                    .cookie(
                        Cookie.of("b", "2").withHttpOnly(true).withSameSite(Cookie.SameSite.STRICT))
                    .send("ok"),
            TestRequest.get("/"));

    assertThat(response.headers("Set-Cookie"))
        .containsExactly("a=1; Path=/", "b=2; HttpOnly; SameSite=Strict");
    assertThat(response.cookie("b").orElseThrow().sameSite()).isEqualTo(Cookie.SameSite.STRICT);
  }

  @Test
  void headerValuesWithCrOrLfAreRejectedAndNothingIsSent() {
    AtomicBoolean rejected = new AtomicBoolean();
    TestResponse caught =
        call(
            (q, r) -> {
              try {
                r.header("X-Evil", "a\r\nSet-Cookie: stolen=1");
              } catch (IllegalArgumentException e) {
                rejected.set(true);
              }
              r.send("ok");
            },
            TestRequest.get("/"));
    assertThat(rejected).isTrue();
    assertThat(caught.headers()).doesNotContainKey("X-Evil").doesNotContainKey("Set-Cookie");

    TestResponse uncaught =
        call((q, r) -> r.addHeader("X-Evil", "a\nb").send("ok"), TestRequest.get("/"));
    assertThat(uncaught.status()).isEqualTo(500);
    assertThat(uncaught.headers()).doesNotContainKey("X-Evil");
    assertThat(uncaught.errorMessages().get(0)).contains("contains CR or LF");
  }

  @Test
  void anUnhandledExceptionIs500WithAnEmptyBodyAndTheTraceInTheErrorLog() {
    TestResponse response =
        call(
            (q, r) -> {
              r.header("X-Partial", "1").send("partial");
              throw new IllegalStateException("secret detail");
            },
            TestRequest.get("/"));

    assertThat(response.status()).isEqualTo(500);
    assertThat(response.bodyBytes()).isEmpty();
    assertThat(response.headers()).doesNotContainKey("X-Partial");
    assertThat(response.errorMessages()).hasSize(1);
    assertThat(response.errorMessages().get(0))
        .contains("java.lang.IllegalStateException: secret detail")
        .contains("at dev.fnkit.testkit.InvocationBehaviourTest");
  }

  @Test
  void anHttpExceptionAnswersItsStatusAndMessage() {
    TestResponse response =
        call(
            (q, r) -> {
              throw new HttpException(404, "no order 7");
            },
            TestRequest.get("/orders/7"));

    assertThat(response.status()).isEqualTo(404);
    assertThat(response.bodyText()).isEqualTo("no order 7");
    assertThat(response.header("Content-Type")).contains("text/plain; charset=utf-8");
    assertThat(response.errorMessages()).isEmpty();
  }

  @Test
  void timeoutInterruptsTheFunctionAnswers504AndDiscardsItsLaterLogs() throws Exception {
    CountDownLatch interrupted = new CountDownLatch(1);
    HttpFunction slow =
        (q, r) -> {
          q.log().log("start");
          try {
            Thread.sleep(5_000);
          } catch (InterruptedException e) {
            interrupted.countDown();
          }
          q.log().log("end");
          System.out.println("printed after the deadline");
          r.send("too late");
        };

    long started = System.nanoTime();
    TestResponse response =
        FunctionTester.of(slow).withTimeout(Duration.ofMillis(300)).call(TestRequest.get("/"));
    long elapsedMillis = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - started);

    assertThat(response.status()).isEqualTo(504);
    assertThat(response.bodyBytes()).isEmpty();
    assertThat(elapsedMillis).isLessThan(4_000);
    assertThat(interrupted.await(2, TimeUnit.SECONDS)).isTrue();
    assertThat(response.logMessages()).containsExactly("start");
    assertThat(response.errorMessages()).containsExactly("Invocation timed out after 300 ms.");
  }

  @Test
  void aRequestCanCarryItsOwnTimeout() {
    HttpFunction slow = (q, r) -> Thread.sleep(2_000);
    assertThat(
            FunctionTester.of(slow)
                .call(TestRequest.get("/").timeout(Duration.ofMillis(100)))
                .status())
        .isEqualTo(504);
  }

  @Test
  void theDeadlineIsVisibleToTheFunction() {
    Instant before = Instant.now();
    TestResponse response =
        FunctionTester.of((HttpFunction) (q, r) -> r.send(q.deadline().orElseThrow().toString()))
            .withTimeout(Duration.ofSeconds(10))
            .get("/");
    Instant deadline = Instant.parse(response.bodyText());
    assertThat(deadline).isBetween(before.plusSeconds(9), before.plusSeconds(11));

    TestResponse none =
        FunctionTester.of((HttpFunction) (q, r) -> r.send(String.valueOf(q.deadline().isPresent())))
            .withTimeout(Duration.ZERO)
            .get("/");
    assertThat(none.bodyText()).isEqualTo("false");
  }

  @Test
  void aBodyOverTheLimitIs413AndTheFunctionIsNotCalled() {
    AtomicBoolean called = new AtomicBoolean();
    TestResponse response =
        FunctionTester.of((HttpFunction) (q, r) -> called.set(true))
            .withMaxBodyBytes(10)
            .call(TestRequest.post("/").body(new byte[11]));

    assertThat(response.status()).isEqualTo(413);
    assertThat(response.bodyText()).isEqualTo("Request body is larger than the limit of 10 bytes.");
    assertThat(called).isFalse();
  }

  @Test
  void bodyAsWithInvalidJsonThrowsAndAnswers500UnlessCaught() {
    record Order(String id) {}
    TestResponse uncaught =
        call((q, r) -> r.json(q.bodyAs(Order.class)), TestRequest.post("/").jsonText("{oops"));
    assertThat(uncaught.status()).isEqualTo(500);
    assertThat(uncaught.errorMessages().get(0)).contains("Request body is not valid JSON");

    TestResponse caught =
        call(
            (q, r) -> {
              try {
                r.json(q.bodyAs(Order.class));
              } catch (IllegalArgumentException e) {
                throw new HttpException(400, e.getMessage());
              }
            },
            TestRequest.post("/").jsonText("{oops"));
    assertThat(caught.status()).isEqualTo(400);
    assertThat(caught.bodyText()).startsWith("Request body is not valid JSON");
  }

  @Test
  void bodyTextUsesTheCharsetOfTheContentTypeAndUtf8Otherwise() {
    HttpFunction echo = (q, r) -> r.send(q.bodyText());
    assertThat(
            call(echo, TestRequest.post("/").body("Grüße", StandardCharsets.ISO_8859_1)).bodyText())
        .isEqualTo("Grüße");
    assertThat(
            call(
                    echo,
                    TestRequest.post("/")
                        .body("Grüße".getBytes(StandardCharsets.UTF_8))
                        .contentType("text/plain"))
                .bodyText())
        .isEqualTo("Grüße");
  }

  @Test
  void bodyIsReadableAsBytesTextAndStream() {
    HttpFunction lengths =
        (q, r) -> {
          byte[] bytes = q.bodyBytes();
          String text = q.bodyText();
          byte[] streamed = q.bodyStream().readAllBytes();
          r.send(bytes.length + " " + text + " " + streamed.length);
        };
    assertThat(call(lengths, TestRequest.post("/").body("abc")).bodyText()).isEqualTo("3 abc 3");
    assertThat(call(lengths, TestRequest.get("/")).bodyText()).isEqualTo("0  0");
  }

  @Test
  void headRequestsAnswerHeadersWithoutABody() {
    TestResponse response = call((q, r) -> r.send("body"), TestRequest.of("HEAD", "/"));
    assertThat(response.status()).isEqualTo(200);
    assertThat(response.bodyBytes()).isEmpty();
    assertThat(response.header("Content-Length")).contains("4");
  }

  @Test
  void theRequestViewHonoursForwardedProtoAndHost() {
    HttpFunction describe =
        (q, r) ->
            r.send(
                q.method()
                    + " "
                    + q.url()
                    + " "
                    + q.scheme()
                    + " "
                    + q.host()
                    + " "
                    + q.port()
                    + " "
                    + q.path());
    assertThat(
            call(
                    describe,
                    TestRequest.of("PATCH", "/a%20b/c?x=1&y")
                        .header("Host", "api.example.com:8443")
                        .header("X-Forwarded-Proto", "https"))
                .bodyText())
        .isEqualTo(
            "PATCH https://api.example.com:8443/a%20b/c?x=1&y https api.example.com 8443 /a b/c");
    assertThat(call(describe, TestRequest.get("https://myapp.com:443/")).bodyText())
        .isEqualTo("GET https://myapp.com/ https myapp.com 443 /");
    assertThat(call(describe, TestRequest.get("/")).bodyText())
        .isEqualTo("GET http://localhost/ http localhost 80 /");
  }

  @Test
  void headersQueryCookiesAndEnvAreVisible() {
    HttpFunction describe =
        (q, r) ->
            r.json(
                Map.of(
                    "trace", q.headers("x-trace"),
                    "tags", q.queryParams("tag"),
                    "first", q.queryParam("tag").orElse(""),
                    "cookie", q.cookie("session").orElse(""),
                    "env", q.env("REGION").orElse(""),
                    "id", q.invocationId().length()));
    TestResponse response =
        FunctionTester.of(describe)
            .withEnv("REGION", "eu")
            .call(
                TestRequest.get("/?tag=a&tag=b")
                    .header("X-Trace", "1")
                    .header("X-Trace", "2")
                    .cookie("session", "x=y:z"));
    assertThat(response.bodyAs(Map.class))
        .isEqualTo(
            Map.of(
                "trace",
                List.of("1", "2"),
                "tags",
                List.of("a", "b"),
                "first",
                "a",
                "cookie",
                "x=y:z",
                "env",
                "eu",
                "id",
                16.0));
  }

  @Test
  void aStreamedBodyIsSentAsWritten() {
    TestResponse response =
        call(
            (q, r) -> {
              r.status(201).header("X-Kind", "stream");
              OutputStream out = r.outputStream();
              for (int i = 0; i < 3; i++) {
                out.write(("chunk" + i + "\n").getBytes(StandardCharsets.UTF_8));
                out.flush();
              }
            },
            TestRequest.get("/"));

    assertThat(response.status()).isEqualTo(201);
    assertThat(response.header("X-Kind")).contains("stream");
    assertThat(response.bodyText()).isEqualTo("chunk0\nchunk1\nchunk2\n");
    assertThat(response.truncated()).isFalse();
  }

  @Test
  void consoleOutputIsAttributedToItsInvocation() {
    TestResponse response =
        call(
            (q, r) -> {
              System.out.println("to stdout");
              System.err.print("to stderr without newline");
            },
            TestRequest.get("/"));
    assertThat(response.logMessages()).containsExactly("to stdout");
    assertThat(response.errorMessages()).containsExactly("to stderr without newline");
  }

  @Test
  void logsOfConcurrentInvocationsDoNotMix() throws Exception {
    HttpFunction chatty =
        (q, r) -> {
          String id = q.queryParam("id").orElseThrow();
          for (int i = 0; i < 5; i++) {
            q.log().log("call", id, i);
            System.out.println("print " + id + " " + i);
            Thread.sleep(1);
          }
          r.send(id);
        };
    FunctionTester tester = FunctionTester.of(chatty);
    ExecutorService pool = Executors.newFixedThreadPool(50);
    try {
      List<Future<TestResponse>> futures = new ArrayList<>();
      for (int i = 0; i < 200; i++) {
        String id = Integer.toString(i);
        futures.add(pool.submit(() -> tester.call(TestRequest.get("/?id=" + id))));
      }
      for (int i = 0; i < 200; i++) {
        TestResponse response = futures.get(i).get(30, TimeUnit.SECONDS);
        List<String> expected = new ArrayList<>();
        for (int n = 0; n < 5; n++) {
          expected.add("call " + i + " " + n);
          expected.add("print " + i + " " + n);
        }
        assertThat(response.bodyText()).isEqualTo(Integer.toString(i));
        assertThat(response.logMessages()).containsExactlyElementsOf(expected);
      }
    } finally {
      pool.shutdownNow();
    }
  }

  record Order(String item, int quantity) {}

  record Receipt(String item, int total) {}

  static final class Checkout implements TypedFunction<Order, Receipt> {
    @Override
    public Receipt apply(Order order, Request request) {
      return order.quantity() == 0 ? null : new Receipt(order.item(), order.quantity() * 3);
    }
  }

  @Test
  void typedFunctionBindsJsonInAndOut() {
    TestResponse response =
        FunctionTester.of(new Checkout()).call(TestRequest.post("/").json(new Order("pen", 2)));

    assertThat(response.status()).isEqualTo(200);
    assertThat(response.header("Content-Type")).contains("application/json; charset=utf-8");
    assertThat(response.bodyAs(Receipt.class)).isEqualTo(new Receipt("pen", 6));
  }

  @Test
  void typedFunctionAnswers204ForNullOutput() {
    TestResponse response =
        FunctionTester.of(new Checkout()).call(TestRequest.post("/").json(new Order("pen", 0)));
    assertThat(response.status()).isEqualTo(204);
    assertThat(response.bodyBytes()).isEmpty();
  }

  @Test
  void typedFunctionAnswers400ForABodyThatDoesNotBind() {
    FunctionTester tester = FunctionTester.of(new Checkout());

    TestResponse malformed = tester.call(TestRequest.post("/").jsonText("{\"item\":"));
    assertThat(malformed.status()).isEqualTo(400);
    assertThat(malformed.bodyText()).startsWith("Request body is not valid JSON: ");

    TestResponse wrongShape = tester.call(TestRequest.post("/").jsonText("[1,2]"));
    assertThat(wrongShape.status()).isEqualTo(400);
    assertThat(wrongShape.bodyText()).contains("Expected BEGIN_OBJECT but was BEGIN_ARRAY");

    TestResponse empty = tester.call(TestRequest.post("/"));
    assertThat(empty.status()).isEqualTo(400);
    assertThat(empty.bodyText()).isEqualTo("Request body is empty; expected JSON.");

    assertThat(tester.call(TestRequest.post("/").jsonText("null")).status()).isEqualTo(400);
  }

  @Test
  void aTesterRefusesSomethingThatIsNotAFunction() {
    assertThatThrownBy(() -> FunctionTester.of("not a function"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("implements neither dev.fnkit.sdk.HttpFunction nor");
  }

  @Test
  void aBadTargetIsRefusedWithTheReason() {
    assertThatThrownBy(() -> TestRequest.get("no-slash"))
        .hasMessage(
            "request target must be a path starting with / or an http(s) URL, was: no-slash");
  }
}
