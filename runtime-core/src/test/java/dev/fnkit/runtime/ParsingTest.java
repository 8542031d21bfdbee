package dev.fnkit.runtime;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.fnkit.sdk.Cookie;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The small parsers and formatters behind the request and response. */
class ParsingTest {

  @Test
  void queryKeepsOrderRepeatsAndValuelessParameters() {
    assertThat(QueryString.parse("a=b&c==d&e=f=g=&h&i=j&&k", false))
        .containsExactly(
            Map.entry("a", List.of("b")),
            Map.entry("c", List.of("=d")),
            Map.entry("e", List.of("f=g=")),
            Map.entry("h", List.of("")),
            Map.entry("i", List.of("j")),
            Map.entry("k", List.of("")));
    assertThat(QueryString.parse("x=1&x=2&=skipped", true))
        .containsExactly(Map.entry("x", List.of("1", "2")));
  }

  @Test
  void queryDecodesPercentEscapesAndPlusButKeepsMalformedOnes() {
    assertThat(QueryString.parse("n=Zo%C3%AB+L&bad=%zz&%41=1", true))
        .containsExactly(
            Map.entry("n", List.of("Zoë L")),
            Map.entry("bad", List.of("%zz")),
            Map.entry("A", List.of("1")));
  }

  @Test
  void cookieHeaderKeepsEqualsAndColonsInValues() {
    assertThat(CookieHeader.parse(List.of("a=1; b=x=y:z ;c=\"q\"", "a=ignored; d=4")))
        .containsExactly(
            Map.entry("a", "1"),
            Map.entry("b", "x=y:z"),
            Map.entry("c", "\"q\""),
            Map.entry("d", "4"));
  }

  @Test
  void headersAreCaseInsensitiveAndKeepTheirFirstSpelling() {
    Headers headers =
        new Headers().add("X-Trace", "1").add("x-trace", "2").set("Content-Type", "a");
    assertThat(headers.all("X-TRACE")).containsExactly("1", "2");
    assertThat(headers.toMap()).containsOnlyKeys("X-Trace", "Content-Type");
    headers.set("content-type", "b");
    assertThat(headers.first("Content-Type")).isEqualTo("b");
  }

  @Test
  void charsetIsReadFromTheContentType() {
    assertThat(ContentTypes.charsetOf("text/plain; charset=\"ISO-8859-1\"; x=y"))
        .contains(StandardCharsets.ISO_8859_1);
    assertThat(ContentTypes.charsetOf("text/plain")).isEmpty();
    assertThat(ContentTypes.charsetOf("text/plain; charset=klingon")).isEmpty();
  }

  @Test
  void cookieIsFormattedWithEveryAttribute() {
    Cookie cookie =
        Cookie.of("session", "abc")
            .withPath("/")
            .withDomain("example.com")
            .withMaxAge(Duration.ofHours(1))
            .withExpires(Instant.parse("2030-01-02T03:04:05Z"))
            .withSecure(true)
            .withHttpOnly(true)
            .withSameSite(Cookie.SameSite.LAX);
    assertThat(cookie.toHeaderValue())
        .isEqualTo(
            "session=abc; Path=/; Domain=example.com; Max-Age=3600;"
                + " Expires=Wed, 2 Jan 2030 03:04:05 GMT; Secure; HttpOnly; SameSite=Lax");
  }

  @Test
  void cookieRefusesCharactersAHeaderCannotCarry() {
    assertThatThrownBy(() -> Cookie.of("a b", "x")).hasMessage("invalid cookie name: \"a b\"");
    assertThatThrownBy(() -> Cookie.of("a", "x;y"))
        .hasMessageContaining("invalid value for cookie a");
    assertThatThrownBy(() -> Cookie.of("a", "x\r\nSet-Cookie: evil=1"))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> Cookie.of("a", "x").withPath("/;\r\n"))
        .hasMessageContaining("invalid path for cookie a");
  }

  @Test
  void jsonLinesAreOneEscapedObjectPerEntry() {
    StringBuilder out = new StringBuilder();
    java.io.PrintStream stream =
        new java.io.PrintStream(
            new java.io.OutputStream() {
              @Override
              public void write(int b) {
                out.append((char) b);
              }
            });
    new JsonLinesLogSink(stream)
        .write(
            new LogEntry(
                "id1",
                LogEntry.Severity.ERROR,
                "line \"one\"\n\ttwo\u0001",
                Instant.parse("2026-01-01T00:00:00.123Z")));
    assertThat(out.toString())
        .isEqualTo(
            "{\"severity\":\"ERROR\",\"message\":\"line \\\"one\\\"\\n\\ttwo\\u0001\","
                + "\"invocationId\":\"id1\",\"time\":\"2026-01-01T00:00:00.123Z\"}\n");
  }

  @Test
  void logPartsAreJoinedWithCollectionsAsJson() {
    LogFormat format = new LogFormat(new Json());
    assertThat(format.format("a", 1, null, Map.of("k", List.of(1, 2)), new int[] {3}))
        .isEqualTo("a 1 null {\"k\":[1,2]} [3]");
  }

  @Test
  void jsonErrorsAreFitForAClient() {
    Json json = new Json();
    assertThatThrownBy(() -> json.read(new byte[0], StandardCharsets.UTF_8, Map.class))
        .hasMessage("Request body is empty; expected JSON.");
    assertThatThrownBy(() -> json.read("{\"a\":".getBytes(), StandardCharsets.UTF_8, Map.class))
        .hasMessageStartingWith("Request body is not valid JSON: ")
        .hasMessageNotContaining("Exception")
        .hasMessageNotContaining("https://");
    assertThatThrownBy(() -> json.read("{} {}".getBytes(), StandardCharsets.UTF_8, Map.class))
        .hasMessageStartingWith("Request body is not valid JSON");
  }

  @Test
  void jsonWritesJavaTimeAsIsoStringsAndCompactly() {
    record Event(String name, Instant at) {}
    assertThat(new Json().write(new Event("x", Instant.parse("2026-01-01T00:00:00Z"))))
        .isEqualTo("{\"name\":\"x\",\"at\":\"2026-01-01T00:00:00Z\"}");
  }
}
