package dev.fnkit.runtime.jetty.openruntimes;

import static org.assertj.core.api.Assertions.assertThat;

import dev.fnkit.sdk.HttpFunction;
import java.net.http.HttpRequest;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** What the function sees of a request under the protocol. */
class RequestViewTest {
  private static final HttpFunction DESCRIBE =
      (request, response) -> {
        Map<String, Object> seen = new LinkedHashMap<>();
        seen.put("method", request.method());
        seen.put("url", request.url());
        seen.put("scheme", request.scheme());
        seen.put("host", request.host());
        seen.put("port", request.port());
        seen.put("path", request.path());
        seen.put("queryString", request.queryString());
        seen.put("query", request.queryParams());
        seen.put("headers", request.headers());
        seen.put("cookie", request.header("cookie").orElse(""));
        seen.put("env", request.env("CUSTOM_ENV_VAR").orElse(""));
        response.json(seen);
      };

  @SuppressWarnings("unchecked")
  private static Map<String, Object> seen(OpenRuntimesServer server, HttpRequest.Builder request)
      throws Exception {
    return new com.google.gson.Gson().fromJson(server.send(request).body(), Map.class);
  }

  @Test
  void headersAreLowerCasedWithoutProtocolHeadersAndWithEnforcedOnesOnTop() throws Exception {
    Map<String, String> enforced =
        OpenRuntimesConfigParsing.headers(
            "{\"x-custom\":\"value\",\"X-CUSTOM-UPPERCASE\":\"Value2\",\"x-open-runtimes-custom\":248}");
    try (OpenRuntimesServer server =
        OpenRuntimesServer.start(
            DESCRIBE, OpenRuntimesServer.Options.defaults().headers(enforced))) {
      Map<String, Object> seen =
          seen(
              server,
              server
                  .request("/")
                  .header("X-Custom", "client")
                  .header("x-CUSTOM-uppercase", "client2")
                  .header("X-Open-Runtimes-Secret", "hidden")
                  .header("x-open-runtimes-whatever", "hidden")
                  .header("X-Mixed-Case", "kept"));

      @SuppressWarnings("unchecked")
      Map<String, Object> headers = (Map<String, Object>) seen.get("headers");
      assertThat(headers)
          .containsEntry("x-custom", java.util.List.of("value"))
          .containsEntry("x-custom-uppercase", java.util.List.of("Value2"))
          .containsEntry("x-open-runtimes-custom", java.util.List.of("248"))
          .containsEntry("x-mixed-case", java.util.List.of("kept"))
          .doesNotContainKey("x-open-runtimes-secret")
          .doesNotContainKey("x-open-runtimes-whatever");
      assertThat(headers.keySet()).allMatch(name -> name.equals(name.toLowerCase()));
    }
  }

  @Test
  void urlSchemeHostAndPortFollowForwardedProtoAndHost() throws Exception {
    try (OpenRuntimesServer server = OpenRuntimesServer.start(DESCRIBE)) {
      Map<String, Object> first =
          seen(server, server.request("/a/b?c=d&e=f").header("x-forwarded-proto", "https"));
      assertThat(first.get("url")).isEqualTo("https://127.0.0.1:" + server.port() + "/a/b?c=d&e=f");
      assertThat(first.get("scheme")).isEqualTo("https");
      assertThat(first.get("host")).isEqualTo("127.0.0.1");
      assertThat(first.get("port")).isEqualTo((double) server.port());
      assertThat(first.get("path")).isEqualTo("/a/b");
      assertThat(first.get("queryString")).isEqualTo("c=d&e=f");

      Map<String, Object> plain = seen(server, server.request("/"));
      assertThat(plain.get("url")).isEqualTo("http://127.0.0.1:" + server.port() + "/");
    }
  }

  @Test
  void theHostHeaderExamplesOfTheProtocolHold() throws Exception {
    try (OpenRuntimesServer server = OpenRuntimesServer.start(DESCRIBE)) {
      Map<String, Object> custom =
          seen(
              server,
              server
                  .request("/a/b?c=d&e=f")
                  .header("Host", "www.mydomain.com:3001")
                  .header("x-forwarded-proto", "https"));
      assertThat(custom.get("url")).isEqualTo("https://www.mydomain.com:3001/a/b?c=d&e=f");
      assertThat(custom.get("port")).isEqualTo(3001.0);

      Map<String, Object> port80 =
          seen(
              server,
              server
                  .request("/")
                  .header("Host", "myapp.com:80")
                  .header("x-forwarded-proto", "https"));
      assertThat(port80.get("url")).isEqualTo("https://myapp.com:80/");

      Map<String, Object> port443 =
          seen(
              server,
              server
                  .request("/")
                  .header("Host", "myapp.com:443")
                  .header("x-forwarded-proto", "https"));
      assertThat(port443.get("url")).isEqualTo("https://myapp.com/");
      assertThat(port443.get("port")).isEqualTo(443.0);

      Map<String, Object> noPort =
          seen(
              server,
              server.request("/").header("Host", "myapp.com").header("x-forwarded-proto", "https"));
      assertThat(noPort.get("port")).isEqualTo(443.0);
    }
  }

  @Test
  void theQueryMapFollowsTheProtocolRules() throws Exception {
    try (OpenRuntimesServer server = OpenRuntimesServer.start(DESCRIBE)) {
      Map<String, Object> seen = seen(server, server.request("/?a=b&c==d&e=f=g=&h&i=j&&k"));

      assertThat(seen.get("query"))
          .isEqualTo(
              Map.of(
                  "a", java.util.List.of("b"),
                  "c", java.util.List.of("=d"),
                  "e", java.util.List.of("f=g="),
                  "h", java.util.List.of(""),
                  "i", java.util.List.of("j"),
                  "k", java.util.List.of("")));
    }
  }

  @Test
  void aCookieHeaderWithEqualsAndColonsPassesThroughIntact() throws Exception {
    try (OpenRuntimesServer server = OpenRuntimesServer.start(DESCRIBE)) {
      String cookie =
          "cookie=cookieValue; cookie2=cookie2Value; cookie3=cookie=3Value; cookie4=val:ue4";
      Map<String, Object> seen = seen(server, server.request("/").header("cookie", cookie));

      assertThat(seen.get("cookie")).isEqualTo(cookie);
    }
  }

  @Test
  void everyMethodAndTheFunctionsEnvironmentReachTheFunction() throws Exception {
    try (OpenRuntimesServer server = OpenRuntimesServer.start(DESCRIBE)) {
      for (String method : java.util.List.of("GET", "POST", "PUT", "DELETE", "PATCH", "OPTIONS")) {
        Map<String, Object> seen =
            seen(server, server.request("/").method(method, HttpRequest.BodyPublishers.noBody()));
        assertThat(seen.get("method")).isEqualTo(method);
        assertThat(seen.get("env")).isEqualTo("customValue");
      }
      var head =
          server.send(server.request("/").method("HEAD", HttpRequest.BodyPublishers.noBody()));
      assertThat(head.statusCode()).isEqualTo(200);
      assertThat(head.body()).isEmpty();
    }
  }
}
