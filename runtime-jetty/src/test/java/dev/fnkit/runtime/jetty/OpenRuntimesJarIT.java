package dev.fnkit.runtime.jetty;

import static dev.fnkit.runtime.testing.FunctionSources.compile;
import static dev.fnkit.runtime.testing.FunctionSources.jar;
import static org.assertj.core.api.Assertions.assertThat;

import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The runnable jar as an Open Runtimes executor starts it: code.tar.gz, source-path entrypoint. */
class OpenRuntimesJarIT {
  private static final String FUNCTION =
      "package demo;\n"
          + "public class Worker implements dev.fnkit.sdk.HttpFunction {\n"
          + "  public void handle(dev.fnkit.sdk.Request q, dev.fnkit.sdk.Response r) {\n"
          + "    q.log().log(\"handled\", q.path());\n"
          + "    r.json(java.util.Map.of(\"env\", q.env(\"CUSTOM_ENV_VAR\").orElse(\"\")));\n"
          + "  }\n"
          + "}\n";

  @TempDir Path dir;

  @Test
  void servesTheBuildOutputArchiveBehindTheSecretAndWritesLogFiles() throws Exception {
    Path classes = compile(dir.resolve("classes"), Map.of("demo.Worker", FUNCTION));
    Path build = Files.createDirectories(dir.resolve("build"));
    jar(build.resolve("function.jar"), classes, Map.of());
    Path code = Files.createDirectories(dir.resolve("code"));
    Process tar =
        new ProcessBuilder(
                "tar", "-czf", code.resolve("code.tar.gz").toString(), "-C", build.toString(), ".")
            .inheritIO()
            .start();
    assertThat(tar.waitFor()).isZero();
    Path logs = Files.createDirectories(dir.resolve("logs"));

    try (RuntimeProcess runtime =
        RuntimeProcess.start(
            Map.of(
                "FUNCTION_PROTOCOL", "open-runtimes",
                "FUNCTION_CODE", code.toString(),
                "FUNCTION_LOGS_DIR", logs.toString(),
                "PORT", "0",
                "OPEN_RUNTIMES_ENTRYPOINT", "src/main/java/demo/Worker.java",
                "OPEN_RUNTIMES_SECRET", "s3cret",
                "CUSTOM_ENV_VAR", "customValue"))) {
      int port = runtime.awaitPort();
      runtime.awaitStdout(line -> line.equals("HTTP server successfully started!"), 5);
      // The line is printed only once the port accepts connections.
      new Socket("127.0.0.1", port).close();

      HttpClient client = HttpClient.newHttpClient();
      HttpResponse<String> unauthorized =
          client.send(
              HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/")).build(),
              HttpResponse.BodyHandlers.ofString());
      assertThat(unauthorized.statusCode()).isEqualTo(401);

      HttpResponse<String> response =
          client.send(
              HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/hello"))
                  .header("x-open-runtimes-secret", "s3cret")
                  .header("x-open-runtimes-log-id", "it")
                  .build(),
              HttpResponse.BodyHandlers.ofString());
      assertThat(response.statusCode()).isEqualTo(200);
      assertThat(response.body()).isEqualTo("{\"env\":\"customValue\"}");
      assertThat(response.headers().firstValue("x-open-runtimes-log-id")).contains("it");
      assertThat(Files.readAllLines(logs.resolve("it_logs.log"))).containsExactly("handled /hello");

      HttpResponse<String> health =
          client.send(
              HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/__opr/health"))
                  .build(),
              HttpResponse.BodyHandlers.ofString());
      assertThat(health.body()).isEqualTo("OK");
    }
  }

  @Test
  void aFunctionThatCannotBeLoadedKeepsTheServerUpAndAnswers503() throws Exception {
    Path classes = compile(dir.resolve("classes"), Map.of("demo.Worker", FUNCTION));
    Path logs = Files.createDirectories(dir.resolve("logs"));
    try (RuntimeProcess runtime =
        RuntimeProcess.start(
            Map.of(
                "FUNCTION_PROTOCOL", "open-runtimes",
                "FUNCTION_CODE", classes.toString(),
                "FUNCTION_LOGS_DIR", logs.toString(),
                "PORT", "0",
                "OPEN_RUNTIMES_ENTRYPOINT", "Missing.java"))) {
      int port = runtime.awaitPort();
      HttpClient client = HttpClient.newHttpClient();
      HttpResponse<String> response =
          client.send(
              HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/"))
                  .header("x-open-runtimes-log-id", "broken")
                  .build(),
              HttpResponse.BodyHandlers.ofString());

      assertThat(response.statusCode()).isEqualTo(503);
      assertThat(Files.readAllLines(logs.resolve("broken_errors.log")))
          .containsExactly(
              "OPEN_RUNTIMES_ENTRYPOINT=Missing.java: no such class in "
                  + classes
                  + " (found: demo.Worker)");
      assertThat(runtime.process.isAlive()).isTrue();
    }
  }
}
