package dev.fnkit.runtime.jetty.openruntimes;

import static org.assertj.core.api.Assertions.assertThat;

import dev.fnkit.sdk.HttpFunction;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** Console output of concurrent invocations lands in each invocation's own log file. */
class ConcurrencyTest {

  @Test
  void hundredConcurrentInvocationsPrintingToSystemOutKeepTheirLinesApart() throws Exception {
    HttpFunction printing =
        (request, response) -> {
          String id = request.queryParam("id").orElseThrow();
          for (int i = 0; i < 5; i++) {
            System.out.println("line " + i + " of " + id);
            Thread.sleep(1);
          }
          response.send(id);
        };
    try (OpenRuntimesServer server = OpenRuntimesServer.start(printing)) {
      List<CompletableFuture<HttpResponse<String>>> answers = new ArrayList<>();
      for (int i = 0; i < 100; i++) {
        answers.add(
            server.client.sendAsync(
                server.request("/?id=" + i).header("x-open-runtimes-log-id", "inv" + i).build(),
                HttpResponse.BodyHandlers.ofString()));
      }
      for (int i = 0; i < 100; i++) {
        assertThat(answers.get(i).get(30, TimeUnit.SECONDS).body()).isEqualTo(Integer.toString(i));
      }
      for (int i = 0; i < 100; i++) {
        List<String> expected = new ArrayList<>();
        expected.add(
            "Native logs detected. Use context.log() or context.error() for better experience.");
        for (int n = 0; n < 5; n++) {
          expected.add("line " + n + " of " + i);
        }
        assertThat(server.logLines("inv" + i))
            .as("invocation %d", i)
            .containsExactlyElementsOf(expected);
      }
    }
  }
}
