package dev.fnkit.runtime.jetty;

import static dev.fnkit.runtime.testing.FunctionSources.compile;
import static dev.fnkit.runtime.testing.FunctionSources.jar;
import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The packaged runnable jar, started as users start it. */
class RuntimeJarIT {
  /** A Java 21+ launcher: FNKIT_JAVA21, else the Temurin 25 this project's machines have. */
  private static final String JAVA_21_PLUS =
      System.getenv().getOrDefault("FNKIT_JAVA21", "/usr/lib/jvm/temurin-25-jdk-amd64/bin/java");

  private static final String WORKER =
      "package demo;\n"
          + "public class Worker implements dev.fnkit.sdk.HttpFunction {\n"
          + "  public void handle(dev.fnkit.sdk.Request q, dev.fnkit.sdk.Response r) throws Exception {\n"
          + "    long millis = Long.parseLong(q.queryParam(\"sleep\").orElse(\"0\"));\n"
          + "    q.log().log(\"working\", millis);\n"
          + "    System.out.println(\"console line\");\n"
          + "    Thread.sleep(millis);\n"
          + "    r.send(Thread.currentThread().toString());\n"
          + "  }\n"
          + "}\n";

  @TempDir Path dir;
  private final HttpClient client =
      HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

  private Path worker() {
    return compile(dir.resolve("classes"), Map.of("demo.Worker", WORKER));
  }

  private HttpResponse<String> get(int port, String target) throws Exception {
    return client.send(
        HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + target)).build(),
        HttpResponse.BodyHandlers.ofString());
  }

  @Test
  void servesTheFunctionAndPrintsOneStartupLine() throws Exception {
    try (RuntimeProcess runtime =
        RuntimeProcess.start(Map.of("FUNCTION_CODE", worker().toString()), "--port", "0")) {
      int port = runtime.awaitPort();

      assertThat(get(port, "/").statusCode()).isEqualTo(200);
      assertThat(get(port, "/__fnkit/health").body()).isEqualTo("OK");
      assertThat(runtime.stdout.get(0))
          .matches("fnkit: serving demo\\.Worker on port \\d+ \\(started in \\d+ ms\\)");
    }
  }

  @Test
  void functionLogsAreJsonLinesOnStdout() throws Exception {
    try (RuntimeProcess runtime =
        RuntimeProcess.start(Map.of(), "--code", worker().toString(), "--port=0")) {
      int port = runtime.awaitPort();
      get(port, "/");

      String logged = runtime.awaitStdout(line -> line.contains("\"working 0\""), 5);
      String printed = runtime.awaitStdout(line -> line.contains("\"console line\""), 5);
      assertThat(logged)
          .matches(
              "\\{\"severity\":\"INFO\",\"message\":\"working 0\",\"invocationId\":\"([0-9a-f]{16})\","
                  + "\"time\":\"\\d{4}-\\d\\d-\\d\\dT[0-9:.]+Z\"}");
      String id = logged.replaceAll(".*\"invocationId\":\"([0-9a-f]+)\".*", "$1");
      assertThat(printed).contains("\"invocationId\":\"" + id + "\"");
    }
  }

  @Test
  void sigtermLetsInFlightInvocationsFinishThenExitsZero() throws Exception {
    try (RuntimeProcess runtime =
        RuntimeProcess.start(
            Map.of("FUNCTION_SHUTDOWN_GRACE", "10s"), "--code", worker().toString(), "--port=0")) {
      int port = runtime.awaitPort();
      List<CompletableFuture<HttpResponse<String>>> inFlight =
          Stream.generate(
                  () ->
                      client.sendAsync(
                          HttpRequest.newBuilder(
                                  URI.create("http://127.0.0.1:" + port + "/?sleep=1500"))
                              .build(),
                          HttpResponse.BodyHandlers.ofString()))
              .limit(5)
              .toList();
      long started = System.nanoTime();
      while (runtime.stdout.stream().filter(line -> line.contains("working 1500")).count() < 5) {
        assertThat(System.nanoTime() - started).isLessThan(TimeUnit.SECONDS.toNanos(10));
        Thread.sleep(10);
      }

      runtime.terminate();

      for (CompletableFuture<HttpResponse<String>> answer : inFlight) {
        assertThat(answer.get(10, TimeUnit.SECONDS).statusCode()).isEqualTo(200);
      }
      assertThat(runtime.awaitExit(15)).isZero();
      assertThat(runtime.stdout)
          .contains("fnkit: stopping; in-flight invocations may finish", "fnkit: stopped");
    }
  }

  @Test
  void anUnknownEntrypointStopsStartupWithOneLineNamingIt() throws Exception {
    try (RuntimeProcess runtime =
        RuntimeProcess.start(
            Map.of("FUNCTION_ENTRYPOINT", "demo.Nope"),
            "--code",
            worker().toString(),
            "--port=0")) {
      assertThat(runtime.awaitExit(20)).isEqualTo(1);
      assertThat(runtime.stderr)
          .containsExactly(
              "fnkit: FUNCTION_ENTRYPOINT=demo.Nope: no such class in "
                  + dir.resolve("classes")
                  + " (found: demo.Worker)");
    }
  }

  @Test
  void aClassThatIsNotAFunctionStopsStartup() throws Exception {
    Path classes =
        compile(
            dir.resolve("plain"),
            Map.of("demo.Plain", "package demo; public class Plain {}", "demo.Worker", WORKER));
    try (RuntimeProcess runtime =
        RuntimeProcess.start(
            Map.of(), "--code", classes.toString(), "--entrypoint", "demo.Plain", "--port=0")) {
      assertThat(runtime.awaitExit(20)).isEqualTo(1);
      assertThat(String.join("\n", runtime.stderr))
          .isEqualTo(
              "fnkit: demo.Plain is not a function: it implements neither dev.fnkit.sdk.HttpFunction"
                  + " nor dev.fnkit.sdk.TypedFunction");
    }
  }

  @Test
  void aBadSettingStopsStartupWithExitCode2() throws Exception {
    try (RuntimeProcess runtime = RuntimeProcess.start(Map.of("PORT", "eighty"))) {
      assertThat(runtime.awaitExit(20)).isEqualTo(2);
      assertThat(runtime.stderr)
          .containsExactly("fnkit: PORT=eighty: expected a port number from 0 to 65535");
    }
  }

  @Test
  void helpListsEverySetting() throws Exception {
    try (RuntimeProcess runtime = RuntimeProcess.start(Map.of(), "--help")) {
      assertThat(runtime.awaitExit(20)).isZero();
      assertThat(String.join("\n", runtime.stdout))
          .contains("FUNCTION_TIMEOUT")
          .contains("--shutdown-grace");
    }
  }

  @Test
  void aFunctionRunsWithItsOwnGsonVersionFromLib() throws Exception {
    Path gson210 =
        Files.list(Path.of(System.getProperty("fnkit.it.libs", "target/it-libs")))
            .filter(file -> file.getFileName().toString().equals("gson-2.10.1.jar"))
            .findFirst()
            .orElseThrow();
    String source =
        "package demo;\n"
            + "public class UsesGson implements dev.fnkit.sdk.HttpFunction {\n"
            + "  public void handle(dev.fnkit.sdk.Request q, dev.fnkit.sdk.Response r) {\n"
            + "    com.google.gson.Gson gson = new com.google.gson.Gson();\n"
            + "    String where = com.google.gson.Gson.class.getProtectionDomain().getCodeSource().getLocation().getPath();\n"
            + "    r.send(gson.toJson(java.util.Map.of(\"gson\", where.substring(where.lastIndexOf('/') + 1))));\n"
            + "  }\n"
            + "}\n";
    Path classes = compile(dir.resolve("gson-classes"), Map.of("demo.UsesGson", source), gson210);
    Path pkg = dir.resolve("package");
    jar(pkg.resolve("uses-gson.jar"), classes, Map.of("Fnkit-Function", "demo.UsesGson"));
    Files.createDirectories(pkg.resolve("lib"));
    Files.copy(gson210, pkg.resolve("lib/gson-2.10.1.jar"));

    try (RuntimeProcess runtime =
        RuntimeProcess.start(Map.of(), "--code", pkg.toString(), "--port=0")) {
      int port = runtime.awaitPort();
      HttpResponse<String> response = get(port, "/");
      assertThat(response.statusCode()).isEqualTo(200);
      assertThat(response.body()).isEqualTo("{\"gson\":\"gson-2.10.1.jar\"}");
    }
  }

  @Test
  void invocationsRunOnVirtualThreadsOnJava21AndNewer() throws Exception {
    assertThat(Path.of(JAVA_21_PLUS))
        .as("a Java 21+ runtime to test virtual threads with (set FNKIT_JAVA21)")
        .isExecutable();
    try (RuntimeProcess runtime =
        RuntimeProcess.start(JAVA_21_PLUS, Map.of(), "--code", worker().toString(), "--port=0")) {
      int port = runtime.awaitPort();

      assertThat(get(port, "/").body()).startsWith("VirtualThread[");
      assertThat(runtime.stdout.get(0)).endsWith(", virtual threads)");
    }
    try (RuntimeProcess runtime =
        RuntimeProcess.start(Map.of(), "--code", worker().toString(), "--port=0")) {
      int port = runtime.awaitPort();
      if (Runtime.version().feature() < 21) {
        assertThat(get(port, "/").body()).startsWith("Thread[");
      }
    }
  }
}
