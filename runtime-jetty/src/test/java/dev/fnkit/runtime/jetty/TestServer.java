package dev.fnkit.runtime.jetty;

import dev.fnkit.runtime.Invoker;
import dev.fnkit.runtime.InvokerSettings;
import dev.fnkit.runtime.LoadedFunction;
import dev.fnkit.runtime.LogEntry;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;

/** The real Jetty runtime serving one function instance on a free port, with its logs captured. */
final class TestServer implements AutoCloseable {
  final List<LogEntry> logs;
  final HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
  private final FunctionServer server;

  private TestServer(FunctionServer server, List<LogEntry> logs) {
    this.server = server;
    this.logs = logs;
  }

  static TestServer start(Object function) throws Exception {
    return start(function, Duration.ofSeconds(30), InvokerSettings.DEFAULT_MAX_BODY_BYTES);
  }

  static TestServer start(Object function, Duration timeout, long maxBody) throws Exception {
    List<LogEntry> logs = new CopyOnWriteArrayList<>();
    RuntimeConfig config =
        new RuntimeConfig(
            "127.0.0.1", 0, Path.of("."), null, timeout, maxBody, Duration.ofSeconds(5));
    Invoker invoker =
        new Invoker(
            LoadedFunction.of(function),
            new InvokerSettings(timeout, maxBody, Map.of("REGION", "test"), () -> logs::add));
    return new TestServer(FunctionServer.start(config, invoker::invoke), logs);
  }

  /** The messages logged so far by the invocation that logged {@code marker}. */
  List<String> messagesOfInvocationThatLogged(String marker) {
    String id =
        logs.stream()
            .filter(entry -> entry.message().equals(marker))
            .map(LogEntry::invocationId)
            .findFirst()
            .orElseThrow(() -> new AssertionError("nothing logged " + marker + ": " + logs));
    return logs.stream().filter(e -> e.invocationId().equals(id)).map(LogEntry::message).toList();
  }

  int port() {
    return server.port();
  }

  URI uri(String target) {
    return URI.create("http://127.0.0.1:" + port() + target);
  }

  HttpResponse<String> get(String target) throws Exception {
    return send(HttpRequest.newBuilder(uri(target)));
  }

  HttpResponse<String> send(HttpRequest.Builder request) throws Exception {
    return client.send(request.build(), HttpResponse.BodyHandlers.ofString());
  }

  @Override
  public void close() throws Exception {
    server.stop();
  }
}
