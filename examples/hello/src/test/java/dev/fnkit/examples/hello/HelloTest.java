package dev.fnkit.examples.hello;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.fnkit.testkit.FnkitExtension;
import dev.fnkit.testkit.FunctionTester;
import dev.fnkit.testkit.FunctionUnderTest;
import dev.fnkit.testkit.TestResponse;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

@ExtendWith(FnkitExtension.class)
@FunctionUnderTest(Hello.class)
class HelloTest {

  @Test
  void greetsTheNameQueryParameter(FunctionTester tester) {
    TestResponse response = tester.get("/?name=Ada");

    assertEquals(200, response.status());
    assertEquals("text/plain; charset=utf-8", response.header("Content-Type").orElseThrow());
    assertEquals("Hello, Ada!", response.bodyText());
    assertEquals(List.of("greeting Ada"), response.logMessages());
  }

  @Test
  void greetsTheWorldWithoutAName(FunctionTester tester) {
    assertEquals("Hello, world!", tester.get("/").bodyText());
    assertEquals("Hello, world!", tester.get("/?name=").bodyText());
  }

  @Test
  void decodesTheName(FunctionTester tester) {
    assertEquals("Hello, Ada Lovelace!", tester.get("/?name=Ada%20Lovelace").bodyText());
    assertEquals("Hello, Zoë!", tester.get("/?name=Zo%C3%AB").bodyText());
  }
}
