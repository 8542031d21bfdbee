package dev.fnkit.examples.greet;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.fnkit.testkit.FnkitExtension;
import dev.fnkit.testkit.FunctionTester;
import dev.fnkit.testkit.TestRequest;
import dev.fnkit.testkit.TestResponse;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

class GreetTest {

  @RegisterExtension
  static final FnkitExtension fnkit =
      FnkitExtension.of(Greet::new).withEnv("DEFAULT_LANGUAGE", "de");

  @Test
  void greetsInTheRequestedLanguage(FunctionTester tester) {
    TestResponse response =
        tester.call(TestRequest.post("/").json(Map.of("name", "Ada", "language", "fr")));

    assertEquals(200, response.status());
    assertEquals("application/json; charset=utf-8", response.header("Content-Type").orElseThrow());
    assertEquals("{\"greeting\":\"Bonjour, Ada!\",\"language\":\"fr\"}", response.bodyText());
    assertEquals(new Greet.Reply("Bonjour, Ada!", "fr"), response.bodyAs(Greet.Reply.class));
  }

  @Test
  void usesTheDefaultLanguageFromTheEnvironment(FunctionTester tester) {
    TestResponse response = tester.call(TestRequest.post("/").json(Map.of("name", "Ada")));

    assertEquals(new Greet.Reply("Hallo, Ada!", "de"), response.bodyAs(Greet.Reply.class));
  }

  @Test
  void refusesAnUnknownLanguageWith400(FunctionTester tester) {
    TestResponse response =
        tester.call(TestRequest.post("/").json(Map.of("name", "Ada", "language", "xx")));

    assertEquals(400, response.status());
    assertEquals("unknown language \"xx\"; known: de, en, es, fr", response.bodyText());
  }

  @Test
  void refusesAMissingNameWith400(FunctionTester tester) {
    assertEquals(400, tester.call(TestRequest.post("/").json(Map.of())).status());
  }

  @Test
  void refusesABodyThatIsNotJsonWith400(FunctionTester tester) {
    TestResponse response = tester.call(TestRequest.post("/").jsonText("{\"name\": "));

    assertEquals(400, response.status());
    assertTrue(
        response.bodyText().startsWith("Request body is not valid JSON"), response.bodyText());
  }
}
