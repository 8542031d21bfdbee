package dev.fnkit.runtime.jetty.openruntimes;

import static org.assertj.core.api.Assertions.assertThat;

import dev.fnkit.sdk.HttpFunction;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/** Protocol steps that come before the function: the /__opr routes and the secret check. */
class RoutesAndSecretTest {
  private static final String UNAUTHORIZED =
      "Unauthorized. Provide correct \"x-open-runtimes-secret\" header.";

  private final AtomicInteger calls = new AtomicInteger();
  private final HttpFunction counting =
      (request, response) -> response.send("call " + calls.incrementAndGet());

  @Test
  void healthAnswersOkBeforeTheSecretCheck() throws Exception {
    try (OpenRuntimesServer server =
        OpenRuntimesServer.start(
            counting, OpenRuntimesServer.Options.defaults().secret("s3cret"))) {
      HttpResponse<String> health = server.get("/__opr/health");

      assertThat(health.statusCode()).isEqualTo(200);
      assertThat(health.body()).isEqualTo("OK");
      assertThat(calls).hasValue(0);
    }
  }

  @Test
  void timingsAnswerTheTelemetryFileAsUtf8TextBeforeTheSecretCheck() throws Exception {
    try (OpenRuntimesServer server =
        OpenRuntimesServer.start(
            counting, OpenRuntimesServer.Options.defaults().secret("s3cret"))) {
      Files.writeString(server.telemetry.resolve("timings.txt"), "build=1.5\nstart=0.25\n");

      HttpResponse<String> timings = server.get("/__opr/timings");

      assertThat(timings.statusCode()).isEqualTo(200);
      assertThat(timings.headers().firstValue("content-type"))
          .contains("text/plain; charset=utf-8");
      assertThat(timings.body()).isEqualTo("build=1.5\nstart=0.25\n");
    }
  }

  @Test
  void wrongEmptyAndMissingSecretsAre401WithTheProtocolMessage() throws Exception {
    try (OpenRuntimesServer server =
        OpenRuntimesServer.start(
            counting, OpenRuntimesServer.Options.defaults().secret("s3cret"))) {
      for (String secret : new String[] {"wrong", "", null}) {
        var request = server.request("/");
        if (secret != null) {
          request.header("x-open-runtimes-secret", secret);
        }
        HttpResponse<String> response = server.send(request);
        assertThat(response.statusCode()).as("secret %s", secret).isEqualTo(401);
        assertThat(response.body()).isEqualTo(UNAUTHORIZED);
      }
      assertThat(calls).hasValue(0);

      HttpResponse<String> right =
          server.send(server.request("/").header("x-open-runtimes-secret", "s3cret"));
      assertThat(right.statusCode()).isEqualTo(200);
      assertThat(right.body()).isEqualTo("call 1");
    }
  }

  @Test
  void anEmptyServerSecretAcceptsAnything() throws Exception {
    try (OpenRuntimesServer server = OpenRuntimesServer.start(counting)) {
      assertThat(server.get("/").statusCode()).isEqualTo(200);
      assertThat(
              server
                  .send(server.request("/").header("x-open-runtimes-secret", "whatever"))
                  .statusCode())
          .isEqualTo(200);
    }
  }

  @Test
  void aFunctionThatCannotBeLoadedAnswers503WithTheReasonInTheErrorLogWhileHealthStays200()
      throws Exception {
    try (OpenRuntimesServer server =
        OpenRuntimesServer.start(
            "OPEN_RUNTIMES_ENTRYPOINT=Nope.java: no such class in /mnt/code (found: no function classes)")) {
      HttpResponse<String> response =
          server.send(server.request("/").header("x-open-runtimes-log-id", "broken"));

      assertThat(response.statusCode()).isEqualTo(503);
      assertThat(response.body()).isEmpty();
      assertThat(server.errorLines("broken"))
          .containsExactly(
              "OPEN_RUNTIMES_ENTRYPOINT=Nope.java: no such class in /mnt/code (found: no function classes)");
      assertThat(server.get("/__opr/health").statusCode()).isEqualTo(200);
    }
  }
}
