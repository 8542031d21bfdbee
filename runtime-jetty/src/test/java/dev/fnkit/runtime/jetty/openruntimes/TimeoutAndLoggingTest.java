package dev.fnkit.runtime.jetty.openruntimes;

import static org.assertj.core.api.Assertions.assertThat;

import dev.fnkit.sdk.HttpFunction;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** The timeout header, and the log id, files and formatting rules. */
class TimeoutAndLoggingTest {
  private static final String TIMEOUT_ERROR =
      "Header \"x-open-runtimes-timeout\" must be an integer greater than 0.";
  private static final String NATIVE =
      "Native logs detected. Use context.log() or context.error() for better experience.";

  @Test
  void aTimeoutHeaderThatIsNotAPositiveIntegerIs500WithTheProtocolMessage() throws Exception {
    try (OpenRuntimesServer server =
        OpenRuntimesServer.start((HttpFunction) (q, r) -> r.send("ran"))) {
      for (String value : List.of("abcd", "0", "-1", "1.5")) {
        HttpResponse<String> response =
            server.send(server.request("/").header("x-open-runtimes-timeout", value));
        assertThat(response.statusCode()).as(value).isEqualTo(500);
        assertThat(response.body()).isEqualTo(TIMEOUT_ERROR);
      }
      assertThat(server.send(server.request("/").header("x-open-runtimes-timeout", "5")).body())
          .isEqualTo("ran");
    }
  }

  @Test
  void aOneSecondTimeoutStopsAThreeSecondFunctionAndNothingItLogsLaterIsKept() throws Exception {
    HttpFunction sleeper =
        (request, response) -> {
          request.log().log("start");
          try {
            Thread.sleep(3_000);
          } catch (InterruptedException e) {
            // ignore the interrupt, carry on as a careless function would
          }
          request.log().log("end");
          System.out.println("end printed");
          response.send("done");
        };
    try (OpenRuntimesServer server = OpenRuntimesServer.start(sleeper)) {
      long started = System.nanoTime();
      HttpResponse<String> response =
          server.send(
              server
                  .request("/")
                  .header("x-open-runtimes-timeout", "1")
                  .header("x-open-runtimes-log-id", "slow"));
      long millis = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - started);

      assertThat(response.statusCode()).isEqualTo(500);
      assertThat(response.body()).isEmpty();
      assertThat(millis).isBetween(900L, 2_000L);
      assertThat(server.errorLines("slow")).containsExactly("Execution timed out.");
      Thread.sleep(2_500); // past the function's own end
      assertThat(server.logLines("slow")).containsExactly("start");
    }
  }

  @Test
  void logsGoToTheFilesOfTheGivenLogIdAndAreAppended() throws Exception {
    HttpFunction logging =
        (request, response) -> {
          request.log().log("hello", 42, Map.of("k", "v"), List.of(1, 2));
          request.log().error("bad", "thing");
          response.send("ok");
        };
    try (OpenRuntimesServer server = OpenRuntimesServer.start(logging)) {
      for (int i = 0; i < 2; i++) {
        HttpResponse<String> response =
            server.send(server.request("/").header("x-open-runtimes-log-id", "abc123"));
        assertThat(response.headers().firstValue("x-open-runtimes-log-id")).contains("abc123");
      }

      assertThat(server.logLines("abc123"))
          .containsExactly("hello 42 {\"k\":\"v\"} [1,2]", "hello 42 {\"k\":\"v\"} [1,2]");
      assertThat(server.errorLines("abc123")).containsExactly("bad thing", "bad thing");
    }
  }

  @Test
  void withoutALogIdOneIsGeneratedOrIsDevInDevelopment() throws Exception {
    HttpFunction logging = (request, response) -> request.log().log("x");
    try (OpenRuntimesServer server = OpenRuntimesServer.start(logging)) {
      String first = server.get("/").headers().firstValue("x-open-runtimes-log-id").orElseThrow();
      String second = server.get("/").headers().firstValue("x-open-runtimes-log-id").orElseThrow();
      assertThat(first).matches("[0-9a-f]{20}");
      assertThat(second).matches("[0-9a-f]{20}").isNotEqualTo(first);
      assertThat(server.logLines(first)).containsExactly("x");
    }
    try (OpenRuntimesServer server =
        OpenRuntimesServer.start(logging, OpenRuntimesServer.Options.defaults().development())) {
      assertThat(server.get("/").headers().firstValue("x-open-runtimes-log-id")).contains("dev");
      assertThat(server.logLines("dev")).containsExactly("x");
    }
  }

  @Test
  void aLogIdThatIsNotAFileNameIsReplaced() throws Exception {
    try (OpenRuntimesServer server =
        OpenRuntimesServer.start((HttpFunction) (request, response) -> request.log().log("x"))) {
      HttpResponse<String> response =
          server.send(server.request("/").header("x-open-runtimes-log-id", "../../escape"));
      assertThat(response.statusCode()).isEqualTo(200);
      String id = response.headers().firstValue("x-open-runtimes-log-id").orElseThrow();
      assertThat(id).matches("[0-9a-f]{20}");
      assertThat(server.logLines(id)).containsExactly("x");
      assertThat(Files.exists(server.logs.resolve("../../escape_logs.log"))).isFalse();
    }
  }

  @Test
  void disabledLoggingWritesNoFilesAndAnswersAnEmptyLogId() throws Exception {
    HttpFunction logging =
        (request, response) -> {
          request.log().log("x");
          System.out.println("printed");
          response.send("ok");
        };
    try (OpenRuntimesServer server = OpenRuntimesServer.start(logging)) {
      HttpResponse<String> response =
          server.send(
              server
                  .request("/")
                  .header("x-open-runtimes-logging", "disabled")
                  .header("x-open-runtimes-log-id", "quiet"));

      assertThat(response.body()).isEqualTo("ok");
      assertThat(response.headers().allValues("x-open-runtimes-log-id")).containsExactly("");
      try (var files = Files.list(server.logs)) {
        assertThat(files).isEmpty();
      }
    }
  }

  @Test
  void anInvocationThatLogsNothingCreatesNoFiles() throws Exception {
    try (OpenRuntimesServer server =
        OpenRuntimesServer.start((HttpFunction) (q, r) -> r.send("ok"))) {
      server.send(server.request("/").header("x-open-runtimes-log-id", "silent"));
      try (var files = Files.list(server.logs)) {
        assertThat(files).isEmpty();
      }
    }
  }

  @Test
  void anUnwritableLogDirectoryTurnsLoggingOffAndTheRequestStillSucceeds() throws Exception {
    Path notADirectory = Files.createTempFile("logs", ".txt");
    HttpFunction logging =
        (request, response) -> {
          request.log().log("x");
          request.log().error("y");
          response.send("ok");
        };
    try (OpenRuntimesServer server =
        OpenRuntimesServer.start(
            logging, OpenRuntimesServer.Options.defaults().logs(notADirectory))) {
      HttpResponse<String> response = server.get("/");
      assertThat(response.statusCode()).isEqualTo(200);
      assertThat(response.body()).isEqualTo("ok");
    }
  }

  @Test
  void anEntryLongerThan8000CharactersIsCut() throws Exception {
    try (OpenRuntimesServer server =
        OpenRuntimesServer.start(
            (HttpFunction) (request, response) -> request.log().log("a".repeat(9000)))) {
      server.send(server.request("/").header("x-open-runtimes-log-id", "long"));

      assertThat(server.logLines("long"))
          .containsExactly(
              "a".repeat(8000) + "... Log truncated due to size limit (8000 characters)");
    }
  }

  @Test
  void consoleOutputGoesToTheLogFileAfterOneNativeLogsLine() throws Exception {
    HttpFunction printing =
        (request, response) -> {
          request.log().log("via context");
          System.out.println("first print");
          System.err.println("second print");
          System.out.print("no newline");
        };
    try (OpenRuntimesServer server = OpenRuntimesServer.start(printing)) {
      server.send(server.request("/").header("x-open-runtimes-log-id", "native"));

      assertThat(server.logLines("native"))
          .containsExactly("via context", NATIVE, "first print", "second print", "no newline");
      assertThat(server.errorLines("native")).isEmpty();
    }
  }

  @Test
  void anUnhandledExceptionIs500WithTheTraceNamingTheSourceFileInTheErrorLog() throws Exception {
    HttpFunction failing =
        (request, response) -> {
          throw new IllegalStateException("broken on purpose");
        };
    try (OpenRuntimesServer server = OpenRuntimesServer.start(failing)) {
      HttpResponse<String> response =
          server.send(server.request("/").header("x-open-runtimes-log-id", "boom"));

      assertThat(response.statusCode()).isEqualTo(500);
      assertThat(response.body()).isEmpty();
      assertThat(String.join("\n", server.errorLines("boom")))
          .contains("java.lang.IllegalStateException: broken on purpose")
          .contains("(TimeoutAndLoggingTest.java:");
    }
  }
}
