package dev.fnkit.runtime.jetty.openruntimes;

import dev.fnkit.runtime.ConsoleCapture;
import dev.fnkit.runtime.Invoker;
import dev.fnkit.runtime.InvokerSettings;
import dev.fnkit.runtime.LoadedFunction;
import dev.fnkit.runtime.jetty.FunctionServer;
import dev.fnkit.runtime.jetty.RuntimeConfig;
import dev.fnkit.runtime.openruntimes.OpenRuntimesConfig;
import dev.fnkit.runtime.openruntimes.OpenRuntimesProtocol;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;

/** The Jetty runtime speaking the Open Runtimes protocol on a free port, for tests. */
final class OpenRuntimesServer implements AutoCloseable {
  final Path logs;
  final Path telemetry;
  final HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
  private final FunctionServer server;

  private OpenRuntimesServer(FunctionServer server, Path logs, Path telemetry) {
    this.server = server;
    this.logs = logs;
    this.telemetry = telemetry;
  }

  /** Settings of the executor's environment; each test changes what it is about. */
  record Options(String secret, boolean isDevelopment, Map<String, String> headers, Path logs) {
    static Options defaults() {
      return new Options("", false, Map.of(), null);
    }

    Options secret(String value) {
      return new Options(value, isDevelopment, headers, logs);
    }

    Options development() {
      return new Options(secret, true, headers, logs);
    }

    Options headers(Map<String, String> value) {
      return new Options(secret, isDevelopment, value, logs);
    }

    Options logs(Path value) {
      return new Options(secret, isDevelopment, headers, value);
    }
  }

  static OpenRuntimesServer start(Object function) throws Exception {
    return start(function, Options.defaults());
  }

  static OpenRuntimesServer start(Object function, Options options) throws Exception {
    ConsoleCapture.install();
    Path root = Files.createTempDirectory("opr");
    Path logs =
        options.logs() != null ? options.logs() : Files.createDirectories(root.resolve("logs"));
    Path telemetry = Files.createDirectories(root.resolve("telemetry"));
    OpenRuntimesConfig config =
        new OpenRuntimesConfig(
            options.secret(), options.isDevelopment(), options.headers(), logs, telemetry);
    RuntimeConfig runtime =
        new RuntimeConfig(
            "127.0.0.1",
            0,
            root,
            null,
            Duration.ofMinutes(5),
            InvokerSettings.DEFAULT_MAX_BODY_BYTES,
            Duration.ofSeconds(5),
            config);
    OpenRuntimesProtocol protocol;
    if (function instanceof String loadFailure) {
      protocol = OpenRuntimesProtocol.failedToLoad(config, loadFailure);
    } else {
      Invoker invoker =
          new Invoker(
              LoadedFunction.of(function),
              new InvokerSettings(
                  Duration.ofMinutes(5),
                  InvokerSettings.DEFAULT_MAX_BODY_BYTES,
                  Map.of("CUSTOM_ENV_VAR", "customValue"),
                  () -> entry -> {},
                  500,
                  OpenRuntimesProtocol.TIMEOUT_MESSAGE));
      protocol = OpenRuntimesProtocol.serving(config, invoker);
    }
    return new OpenRuntimesServer(FunctionServer.start(runtime, protocol), logs, telemetry);
  }

  URI uri(String target) {
    return URI.create("http://127.0.0.1:" + server.port() + target);
  }

  int port() {
    return server.port();
  }

  HttpRequest.Builder request(String target) {
    return HttpRequest.newBuilder(uri(target));
  }

  HttpResponse<String> send(HttpRequest.Builder request) throws Exception {
    return client.send(request.build(), HttpResponse.BodyHandlers.ofString());
  }

  HttpResponse<String> get(String target) throws Exception {
    return send(request(target));
  }

  /** The lines of {@code {id}_logs.log}; empty when the file does not exist. */
  List<String> logLines(String id) throws IOException {
    return lines(logs.resolve(id + "_logs.log"));
  }

  /** The lines of {@code {id}_errors.log}; empty when the file does not exist. */
  List<String> errorLines(String id) throws IOException {
    return lines(logs.resolve(id + "_errors.log"));
  }

  private static List<String> lines(Path file) throws IOException {
    return Files.exists(file) ? Files.readAllLines(file, StandardCharsets.UTF_8) : List.of();
  }

  @Override
  public void close() throws Exception {
    server.stop();
  }
}
